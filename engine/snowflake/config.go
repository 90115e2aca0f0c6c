package snowflake

import (
	"fmt"
	"net/url"

	"github.com/snowflakedb/gosnowflake"

	"github.com/salesanalytics/salesanalytics/engine/snowflake/connection"
)

// configFromConnection maps a resolved connection to the driver's configuration.
// The host is left to the driver (fillMissingConfigParameters derives
// account[.region].snowflakecomputing.com) unless the connection sets one; the
// account goes without its region, as ParseDSN would leave it. Results are asked
// for as JSON, as Open's DSN path does (withJSONResults). Errors name no
// credential.
func configFromConnection(c *connection.Connection) (gosnowflake.Config, error) {
	account, region := c.AccountName()
	jsonFormat := "json"
	cfg := gosnowflake.Config{
		Account:   account,
		User:      c.User,
		Password:  string(c.Password),
		Database:  c.Database,
		Schema:    c.Schema,
		Warehouse: c.Warehouse,
		Role:      c.Role,
		Host:      c.Host,
		Port:      c.Port,
		Protocol:  c.Protocol,
		Params:    map[string]*string{"GO_QUERY_RESULT_FORMAT": &jsonFormat},
	}
	if c.Host == "" {
		cfg.Region = region
	}
	switch c.Authenticator {
	case connection.AuthSnowflake, "":
		cfg.Authenticator = gosnowflake.AuthTypeSnowflake
	case connection.AuthJWT:
		cfg.Authenticator = gosnowflake.AuthTypeJwt
		cfg.PrivateKey = c.PrivateKey()
		cfg.Password = ""
	case connection.AuthOAuth:
		// The resolver has already read token_file_path into Token; the driver's
		// Validate refuses Token and TokenFilePath together.
		cfg.Authenticator = gosnowflake.AuthTypeOAuth
		cfg.Token = string(c.Token)
	case connection.AuthPAT:
		cfg.Authenticator = gosnowflake.AuthTypePat
		cfg.Token = string(c.Token)
	case connection.AuthExternalBrowser:
		cfg.Authenticator = gosnowflake.AuthTypeExternalBrowser
	case connection.AuthUsernamePasswordMFA:
		cfg.Authenticator = gosnowflake.AuthTypeUsernamePasswordMFA
	case connection.AuthOkta:
		u, err := url.Parse(c.OktaURL)
		if err != nil || u.Scheme != "https" {
			return gosnowflake.Config{}, fmt.Errorf("snowflake: connection %q: authenticator is not an https Okta URL", c.Name)
		}
		cfg.Authenticator = gosnowflake.AuthTypeOkta
		cfg.OktaURL = u
	default:
		// OAUTH_AUTHORIZATION_CODE, OAUTH_CLIENT_CREDENTIALS and WORKLOAD_IDENTITY
		// need oauth_* / workload_identity_* keys the resolver does not read yet.
		return gosnowflake.Config{}, fmt.Errorf("snowflake: connection %q (%s): authenticator %s is not supported by this SDK; use %s, %s, %s, %s or %s",
			c.Name, c.Source, c.Authenticator, connection.AuthSnowflake, connection.AuthJWT,
			connection.AuthOAuth, connection.AuthPAT, connection.AuthExternalBrowser)
	}
	return cfg, nil
}

package connection

import (
	"crypto/rsa"
	"fmt"
	"slices"
	"strings"
)

// Secret is a credential (password, token, passphrase). It prints as
// "[redacted]" through fmt's %v, %s, %q and %#v, so a Connection can be logged;
// convert it with string(s) only where the credential is sent.
type Secret string

// String hides the value.
func (s Secret) String() string {
	if s == "" {
		return ""
	}
	return "[redacted]"
}

// GoString hides the value from %#v too.
func (s Secret) GoString() string { return `"` + s.String() + `"` }

// Authenticator is how a connection logs in: the `authenticator` key, upper-cased
// the way the Python connector and gosnowflake compare it.
type Authenticator string

// The authenticators the Python connector and gosnowflake v1.19.1 (auth.go,
// determineAuthenticatorType) both know. An Okta URL ("https://…okta.com") is
// kept in Connection.OktaURL with [AuthOkta].
const (
	AuthSnowflake              Authenticator = "SNOWFLAKE" // user + password (the default)
	AuthJWT                    Authenticator = "SNOWFLAKE_JWT"
	AuthOAuth                  Authenticator = "OAUTH"
	AuthPAT                    Authenticator = "PROGRAMMATIC_ACCESS_TOKEN"
	AuthExternalBrowser        Authenticator = "EXTERNALBROWSER"
	AuthUsernamePasswordMFA    Authenticator = "USERNAME_PASSWORD_MFA"
	AuthOAuthAuthorizationCode Authenticator = "OAUTH_AUTHORIZATION_CODE"
	AuthOAuthClientCredentials Authenticator = "OAUTH_CLIENT_CREDENTIALS"
	AuthWorkloadIdentity       Authenticator = "WORKLOAD_IDENTITY"
	AuthOkta                   Authenticator = "OKTA"
)

// Authenticators lists the valid [Authenticator] values.
func Authenticators() []Authenticator {
	return []Authenticator{AuthSnowflake, AuthJWT, AuthOAuth, AuthPAT, AuthExternalBrowser,
		AuthUsernamePasswordMFA, AuthOAuthAuthorizationCode, AuthOAuthClientCredentials,
		AuthWorkloadIdentity, AuthOkta}
}

// Valid reports whether a is one of [Authenticators].
func (a Authenticator) Valid() bool { return slices.Contains(Authenticators(), a) }

// needsUser reports whether a logs in with a user name; the set follows
// gosnowflake's authRequiresUser (dsn.go).
func (a Authenticator) needsUser() bool {
	switch a {
	case AuthOAuth, AuthPAT, AuthExternalBrowser, AuthOAuthAuthorizationCode,
		AuthOAuthClientCredentials, AuthWorkloadIdentity:
		return false
	}
	return true
}

// Connection is one resolved connection: the settings of a `[NAME]` table of
// connections.toml or a `[connections.NAME]` table of config.toml, with the
// environment overrides applied, checked, and with key and token files read.
type Connection struct {
	// Name is the connection's name, e.g. "prod".
	Name string
	// Source is the file the connection was read from, or "SNOWFLAKE_CONNECTIONS"
	// when that environment variable supplied it.
	Source string

	// Account is the account identifier as written: "myorg-myaccount", or a
	// locator with region such as "xy12345.us-east-2.aws". Required.
	Account string
	// User is the login name; required except for OAuth, PAT and the
	// browser/workload flows.
	User string
	// Role, Warehouse, Database and Schema are the session's defaults; empty
	// means the user's defaults.
	Role, Warehouse, Database, Schema string
	// Region is the legacy `region` key; prefer the region in Account.
	Region string
	// Host overrides the host name derived from Account (e.g. a privatelink or a
	// test server). Empty means derived.
	Host string
	// Port is the server port; 0 means the protocol's default (443).
	Port int
	// Protocol is "https" (the default when empty) or "http".
	Protocol string

	// Authenticator is how to log in; resolution fills it (SNOWFLAKE, or
	// SNOWFLAKE_JWT when only a private key file is given).
	Authenticator Authenticator
	// OktaURL is the Okta endpoint when the authenticator was an https URL.
	OktaURL string
	// Password is the password (authenticator SNOWFLAKE or USERNAME_PASSWORD_MFA).
	Password Secret
	// Token is the OAuth access token or the programmatic access token: the
	// `token` key, or the trimmed content of TokenFilePath, which wins when both
	// are given (as in the Python connector).
	Token Secret
	// TokenFilePath is the file the token was read from, if any.
	TokenFilePath string
	// PrivateKeyFile is the PEM file of the RSA key for SNOWFLAKE_JWT; already
	// read into [Connection.PrivateKey].
	PrivateKeyFile string

	// Warnings are the non-fatal findings of resolution (files others can read,
	// entries skipped). They never contain a credential.
	Warnings []string
	// Ignored lists the keys of the connection's table this package does not
	// use, sorted; their values are not kept.
	Ignored []string

	privateKey *rsa.PrivateKey
}

// PrivateKey returns the RSA key read from PrivateKeyFile, or nil.
func (c Connection) PrivateKey() *rsa.PrivateKey { return c.privateKey }

// String describes the connection without any credential: which ones are set
// is shown, never their values.
func (c Connection) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "connection %q (%s): account=%q user=%q", c.Name, c.Source, c.Account, c.User)
	for _, kv := range [][2]string{{"role", c.Role}, {"warehouse", c.Warehouse}, {"database", c.Database},
		{"schema", c.Schema}, {"host", c.Host}, {"protocol", c.Protocol}} {
		if kv[1] != "" {
			fmt.Fprintf(&b, " %s=%q", kv[0], kv[1])
		}
	}
	if c.Port != 0 {
		fmt.Fprintf(&b, " port=%d", c.Port)
	}
	fmt.Fprintf(&b, " authenticator=%s", c.Authenticator)
	for _, kv := range [][2]string{{"password", c.Password.String()}, {"token", c.Token.String()}} {
		if kv[1] != "" {
			fmt.Fprintf(&b, " %s=%s", kv[0], kv[1])
		}
	}
	if c.privateKey != nil {
		fmt.Fprintf(&b, " private_key_file=%q", c.PrivateKeyFile)
	}
	return b.String()
}

// GoString hides the credentials from %#v too.
func (c Connection) GoString() string { return "connection.Connection{" + c.String() + "}" }

// Format makes every fmt verb (%v, %+v, %s, %#v …) print [Connection.String] or
// [Connection.GoString], so no verb reaches the credentials or the key.
func (c Connection) Format(f fmt.State, verb rune) {
	if verb == 'v' && f.Flag('#') {
		fmt.Fprint(f, c.GoString())
		return
	}
	fmt.Fprint(f, c.String())
}

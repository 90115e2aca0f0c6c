package analyst

import "github.com/salesanalytics/salesanalytics/engine/snowflake/connection"

// ConnectionAuth is the REST API authentication of a Snowflake connection's
// Cortex settings ([connection.Connection.Analyst]): a key-pair JWT, an OAuth
// token or a programmatic access token.
func ConnectionAuth(st connection.AnalystSettings) Auth {
	switch st.Kind {
	case connection.TokenKeyPairJWT:
		return &KeyPair{Account: st.Account, User: st.User, Key: st.PrivateKey}
	case connection.TokenOAuth:
		return OAuth(string(st.Token))
	}
	return PAT(string(st.Token))
}

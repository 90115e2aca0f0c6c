// Package connection resolves Snowflake connection settings the way the
// Snowflake CLI and the Python connector do, from the same files, so a
// Snowflake user connects with the connection they already have:
//
//	conn, err := connection.Resolve("prod", connection.Options{}) // "" = the default connection
//	if err != nil { … } // names the file, the key and the valid values; never a credential
//	log.Print(conn)     // credentials print as [redacted]
//
//	url, _ := conn.URL()          // https://myorg-acct.snowflakecomputing.com
//	s, err := conn.Analyst()      // what a Cortex Analyst client needs: URL and token kind
//	key := conn.PrivateKey()      // the decrypted RSA key of a SNOWFLAKE_JWT connection
//
// The package is pure Go (no driver; it builds with CGO_ENABLED=0). The engine
// package maps a [Connection] to the driver's configuration.
//
// # Where the settings come from
//
// The directory is $SNOWFLAKE_HOME, default ~/.snowflake, when it exists, and
// otherwise the platform's configuration directory (~/.config/snowflake,
// ~/Library/Application Support/snowflake, %LOCALAPPDATA%\snowflake), as the
// Python connector's sf_dirs.py chooses; [Options.ConfigDir] says which.
// In it:
//
//   - config.toml holds default_connection_name and [connections.NAME] tables;
//   - connections.toml holds [NAME] tables and, when it exists, replaces the
//     connections of config.toml entirely (the connector reads it as the
//     "connections" slice of config.toml);
//   - $SNOWFLAKE_CONNECTIONS, a TOML document of [NAME] tables, replaces both.
//
// The connection is the one named, else $SNOWFLAKE_DEFAULT_CONNECTION_NAME,
// else default_connection_name, else "default". Each key is then taken, first
// found, from SNOWFLAKE_CONNECTIONS_<NAME>_<KEY> (name and key upper-cased),
// the table, or SNOWFLAKE_<KEY>; PRIVATE_KEY_PASSPHRASE overrides the
// passphrase. This is the Snowflake CLI's documented order.
//
// # Keys
//
// account, user, password, role, warehouse, database, schema, region, host,
// port (443 or "443"), protocol (https, http), authenticator (SNOWFLAKE,
// SNOWFLAKE_JWT, OAUTH, PROGRAMMATIC_ACCESS_TOKEN, EXTERNALBROWSER,
// USERNAME_PASSWORD_MFA, OAUTH_AUTHORIZATION_CODE, OAUTH_CLIENT_CREDENTIALS,
// WORKLOAD_IDENTITY, or an https:// Okta URL; any case), token,
// token_file_path (its content wins over token), private_key_file (alias
// private_key_path), private_key_file_pwd (alias private_key_passphrase) and
// private_key_raw. A private key makes the authenticator SNOWFLAKE_JWT, as in
// the connector. Keys are read as PKCS#8 PEM, encrypted (PBES2: PBKDF2 or
// scrypt with AES-CBC or DES-EDE3-CBC, what `openssl pkcs8 -topk8` writes) or
// not, or as PKCS#1; see [ParsePrivateKey]. Other keys are listed in
// Connection.Ignored.
//
// # Permissions
//
// On Unix a configuration, key or token file that group or others can write is
// refused ([ErrInsecureFile], naming the file and its mode); one they can read,
// or that another user owns, is used with a warning, which
// SF_SKIP_TOKEN_FILE_PERMISSIONS_VERIFICATION=true silences. Warnings go to
// Options.Warn and Connection.Warnings. Windows is not checked, as in the
// connector.
//
// # Testing
//
// [Options] injects the environment, the home directory, the file system, the
// platform and the user id, so tests never read the real home.
package connection

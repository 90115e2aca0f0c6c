package connection

import (
	"fmt"
	"path/filepath"
	"strings"
)

// build turns a connection's merged settings into a checked Connection, reading
// its key and token files.
func (r *resolver) build(name, source string, table map[string]any) (*Connection, error) {
	s, ignored, err := r.settings(name, source, table)
	if err != nil {
		return nil, err
	}
	bad := func(format string, args ...any) error {
		return fmt.Errorf("%w: connection %q (%s): %s", ErrInvalid, name, source, fmt.Sprintf(format, args...))
	}
	str := func(k string) string { return strings.TrimSpace(s[k].value) }
	c := &Connection{
		Name: name, Source: source, Ignored: ignored,
		Account: str("account"), User: str("user"), Role: str("role"), Warehouse: str("warehouse"),
		Database: str("database"), Schema: str("schema"), Region: str("region"), Host: str("host"),
		Password: Secret(s["password"].value), Token: Secret(s["token"].value),
	}
	if v, ok := s["port"]; ok && str("port") != "" {
		if c.Port, err = parsePort(v); err != nil {
			return nil, bad("%v", err)
		}
	}
	if v, ok := s["protocol"]; ok && str("protocol") != "" {
		if c.Protocol, err = parseProtocol(v); err != nil {
			return nil, bad("%v", err)
		}
	}
	if v, ok := s["authenticator"]; ok && str("authenticator") != "" {
		if c.Authenticator, c.OktaURL, err = parseAuthenticator(v); err != nil {
			return nil, bad("%v", err)
		}
	}
	if err := r.readToken(c, s, bad); err != nil {
		return nil, err
	}
	if err := r.readKey(c, s, bad); err != nil {
		return nil, err
	}
	if err := check(c, name, bad); err != nil {
		return nil, err
	}
	return c, nil
}

// readToken reads token_file_path; its content wins over `token`, as in the
// Python connector (connection.py: "the token in token_file_path will be used").
func (r *resolver) readToken(c *Connection, s map[string]setting, bad func(string, ...any) error) error {
	v, ok := s["token_file_path"]
	if !ok || strings.TrimSpace(v.value) == "" {
		return nil
	}
	path, data, err := r.readSetting("token_file_path", v, bad)
	if err != nil {
		return err
	}
	tok := strings.TrimSpace(string(data))
	if tok == "" {
		return bad("token_file_path (%s): %s is empty", v.from, path)
	}
	c.TokenFilePath, c.Token = path, Secret(tok)
	return nil
}

// readKey reads private_key_file (or the PEM text of private_key_raw) and
// decrypts it with the passphrase.
func (r *resolver) readKey(c *Connection, s map[string]setting, bad func(string, ...any) error) error {
	var pemBytes []byte
	var from string
	if v, ok := s["private_key_file"]; ok && strings.TrimSpace(v.value) != "" {
		path, data, err := r.readSetting("private_key_file", v, bad)
		if err != nil {
			return err
		}
		c.PrivateKeyFile, pemBytes, from = path, data, path
	} else if v, ok := s["private_key_raw"]; ok && strings.TrimSpace(v.value) != "" {
		pemBytes, from = []byte(v.value), "private_key_raw ("+v.from+")"
	} else {
		return nil
	}
	pass := s["private_key_file_pwd"]
	key, used, err := ParsePrivateKey(pemBytes, []byte(pass.value))
	if err != nil {
		return bad("%s: %v", from, err)
	}
	if !used && pass.value != "" {
		r.warn(fmt.Sprintf("connection %q: a passphrase is set (%s) but %s is not encrypted; it was ignored", c.Name, pass.from, from))
	}
	c.privateKey = key
	return nil
}

// readSetting reads the file a key names, after the permission check.
func (r *resolver) readSetting(key string, v setting, bad func(string, ...any) error) (string, []byte, error) {
	path, err := r.path(v.value)
	if err != nil {
		return "", nil, err
	}
	data, found, err := r.readChecked(path)
	if err != nil {
		return "", nil, err
	}
	if !found {
		return "", nil, bad("%s (%s): %s does not exist", key, v.from, path)
	}
	return path, data, nil
}

// path expands a leading ~ and makes the path absolute, so errors and
// Connection fields name the file that was read.
func (r *resolver) path(p string) (string, error) {
	home, herr := r.opts.home()
	p, err := expandTilde(strings.TrimSpace(p), home, herr)
	if err != nil {
		return "", err
	}
	if abs, err := filepath.Abs(p); err == nil {
		return abs, nil
	}
	return p, nil
}

// check fills the authenticator and checks that what it needs is present.
func check(c *Connection, name string, bad func(string, ...any) error) error {
	envName := "SNOWFLAKE_CONNECTIONS_" + strings.ToUpper(name) + "_"
	if c.Account == "" {
		return bad("account is missing (set account, or %sACCOUNT)", envName)
	}
	key := c.privateKey != nil
	switch {
	case c.Authenticator == "" && key, c.Authenticator == AuthSnowflake && key:
		// The Python connector switches to key-pair auth whenever a private key
		// is given (connection.py: "if self._private_key or self._private_key_file").
		c.Authenticator = AuthJWT
	case c.Authenticator == "":
		c.Authenticator = AuthSnowflake
	case key && c.Authenticator != AuthJWT:
		return bad("private_key_file is set but authenticator is %s; remove one, or set authenticator = %q", c.Authenticator, AuthJWT)
	}
	if c.Authenticator.needsUser() && c.User == "" {
		return bad("user is missing; authenticator %s needs one (set user, or %sUSER)", c.Authenticator, envName)
	}
	switch c.Authenticator {
	case AuthSnowflake, AuthUsernamePasswordMFA, AuthOkta:
		if c.Password == "" {
			return bad("password is missing; authenticator %s needs one (set %sPASSWORD or SNOWFLAKE_PASSWORD rather than writing it in the file)", c.Authenticator, envName)
		}
	case AuthJWT:
		if !key {
			return bad("authenticator %s needs private_key_file (or private_key_raw)", AuthJWT)
		}
	case AuthOAuth, AuthPAT:
		if c.Token == "" {
			return bad("authenticator %s needs token or token_file_path", c.Authenticator)
		}
	}
	return nil
}

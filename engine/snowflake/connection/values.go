package connection

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// keys are the connection keys this package reads, by canonical name, with the
// aliases the Snowflake CLI accepts for them (snow_connector.py,
// CONNECTION_KEY_ALIASES: private_key_path → private_key_file,
// private_key_file_pwd → private_key_passphrase).
var keys = []struct{ name, alias string }{
	{"account", ""}, {"user", ""}, {"password", ""}, {"role", ""}, {"warehouse", ""},
	{"database", ""}, {"schema", ""}, {"region", ""}, {"host", ""}, {"port", ""},
	{"protocol", ""}, {"authenticator", ""}, {"token", ""}, {"token_file_path", ""},
	{"private_key_file", "private_key_path"}, {"private_key_file_pwd", "private_key_passphrase"},
	{"private_key_raw", ""},
}

// genericEnv are the keys the CLI also takes from SNOWFLAKE_<KEY> when neither
// the connection nor its overrides set them (snow_connector.py,
// SUPPORTED_ENV_OVERRIDES).
var genericEnv = []string{"account", "user", "password", "host", "port", "protocol", "authenticator",
	"private_key_file", "private_key_path", "private_key_raw", "database", "schema", "role",
	"warehouse", "token", "token_file_path"}

// setting is one key's value and where it came from (for error messages).
type setting struct{ value, from string }

// settings merges a connection's table with the environment, highest first:
// SNOWFLAKE_CONNECTIONS_<NAME>_<KEY> (config.py, _get_envs_for_path: the name
// and key upper-cased), the table, then SNOWFLAKE_<KEY> (snow_connector.py).
// PRIVATE_KEY_PASSPHRASE overrides the passphrase (snow_connector.py,
// _load_pem_to_der).
func (r *resolver) settings(name, source string, table map[string]any) (map[string]setting, []string, error) {
	out := map[string]setting{}
	known := map[string]bool{}
	prefix := "SNOWFLAKE_CONNECTIONS_" + strings.ToUpper(name) + "_"
	for _, k := range keys {
		known[k.name], known[k.alias] = true, true
		for _, key := range []string{k.name, k.alias} {
			if key == "" {
				continue
			}
			if _, done := out[k.name]; done {
				break
			}
			env := prefix + strings.ToUpper(key)
			if v, ok := r.opts.env(env); ok {
				out[k.name] = setting{v, "$" + env}
			}
		}
		for _, key := range []string{k.name, k.alias} {
			if _, done := out[k.name]; done || key == "" {
				continue
			}
			v, ok := table[key]
			if !ok {
				continue
			}
			s, err := scalar(v, k.name == "port")
			if err != nil {
				return nil, nil, fmt.Errorf("%w: connection %q in %s: %s %s", ErrInvalid, name, source, key, err)
			}
			out[k.name] = setting{s, source + " key " + key}
		}
	}
	for _, key := range genericEnv {
		canon := canonical(key)
		if _, done := out[canon]; done {
			continue
		}
		env := "SNOWFLAKE_" + strings.ToUpper(key)
		if v, ok := r.opts.env(env); ok && v != "" {
			out[canon] = setting{v, "$" + env}
		}
	}
	if v, ok := r.opts.env("PRIVATE_KEY_PASSPHRASE"); ok {
		out["private_key_file_pwd"] = setting{v, "$PRIVATE_KEY_PASSPHRASE"}
	}
	var ignored []string
	for k := range table {
		if !known[k] {
			ignored = append(ignored, k)
		}
	}
	slices.Sort(ignored)
	return out, ignored, nil
}

func canonical(key string) string {
	for _, k := range keys {
		if k.alias == key {
			return k.name
		}
	}
	return key
}

// scalar turns a TOML value into text. Strings and integers are accepted for
// every key (port = 443 and port = "443" alike); a value is never echoed, as
// it may be a credential.
func scalar(v any, number bool) (string, error) {
	switch x := v.(type) {
	case string:
		return x, nil
	case int64:
		return strconv.FormatInt(x, 10), nil
	case bool:
		if !number {
			return strconv.FormatBool(x), nil
		}
	}
	if number {
		return "", fmt.Errorf("must be an integer or a string of digits, not a TOML %s", tomlType(v))
	}
	return "", fmt.Errorf("must be a string, not a TOML %s", tomlType(v))
}

func tomlType(v any) string {
	switch v.(type) {
	case float64:
		return "float"
	case bool:
		return "boolean"
	case []any, []map[string]any:
		return "array"
	case map[string]any:
		return "table"
	}
	return "date or time"
}

// parsePort reads a port number.
func parsePort(s setting) (int, error) {
	p, err := strconv.Atoi(strings.TrimSpace(s.value))
	if err != nil || p < 1 || p > 65535 {
		return 0, fmt.Errorf("port (%s) must be a number from 1 to 65535", s.from)
	}
	return p, nil
}

// parseProtocol reads "http" or "https".
func parseProtocol(s setting) (string, error) {
	p := strings.ToLower(strings.TrimSpace(s.value))
	if p != "http" && p != "https" {
		return "", fmt.Errorf("protocol (%s) is %q; valid: https, http", s.from, s.value)
	}
	return p, nil
}

// parseAuthenticator reads an authenticator name, or an Okta URL.
func parseAuthenticator(s setting) (Authenticator, string, error) {
	v := strings.TrimSpace(s.value)
	if strings.HasPrefix(strings.ToLower(v), "https://") {
		return AuthOkta, strings.ToLower(v), nil
	}
	a := Authenticator(strings.ToUpper(v))
	if a == AuthOkta || !a.Valid() {
		valid := make([]string, 0, len(Authenticators()))
		for _, x := range Authenticators() {
			if x != AuthOkta {
				valid = append(valid, string(x))
			}
		}
		return "", "", fmt.Errorf("authenticator (%s) is %q; valid: %s, or an https:// Okta URL",
			s.from, v, strings.Join(valid, ", "))
	}
	return a, "", nil
}

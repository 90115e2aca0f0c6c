package connection

import (
	"errors"
	"fmt"
	"os"
	"runtime"
	"slices"
	"strings"
)

// ErrUnknownConnection is returned (wrapped) when the name matches no connection;
// the message lists the names that exist.
var ErrUnknownConnection = errors.New("connection: unknown connection")

// ErrInvalid is returned (wrapped) for a connection whose settings are missing
// or wrong; the message names the key and where its value came from.
var ErrInvalid = errors.New("connection: invalid connection")

// DefaultName is the connection used when nothing names one, as in the Python
// connector (config_manager.py, default_connection_name's default).
const DefaultName = "default"

// Options say where resolution looks. The zero value reads the real
// environment and home directory; tests inject all of it.
type Options struct {
	// Env looks up an environment variable. Nil means os.LookupEnv.
	Env func(key string) (string, bool)
	// Home is the user's home directory. Empty means os.UserHomeDir.
	Home string
	// Dir is the directory holding config.toml and connections.toml. Empty means
	// [Options.ConfigDir]'s search.
	Dir string
	// FS reads files. Nil means [OSFileSystem].
	FS FileSystem
	// GOOS is the platform whose rules apply ("windows" skips the permission
	// checks, as the connector does; it also picks the platform directory).
	// Empty means runtime.GOOS.
	GOOS string
	// UID is the current user's id, for the owner check. Nil means os.Getuid.
	UID func() int
	// Warn, if not nil, receives each warning as it is found; all of them also
	// end up in Connection.Warnings. Warnings never contain a credential.
	Warn func(msg string)
}

func (o Options) env(key string) (string, bool) {
	if o.Env != nil {
		return o.Env(key)
	}
	return os.LookupEnv(key)
}

func (o Options) home() (string, error) {
	if o.Home != "" {
		return o.Home, nil
	}
	if h, err := os.UserHomeDir(); err == nil && h != "" {
		return h, nil
	}
	return "", errNoHome
}

func (o Options) fs() FileSystem {
	if o.FS != nil {
		return o.FS
	}
	return OSFileSystem{}
}

func (o Options) goos() string {
	if o.GOOS != "" {
		return o.GOOS
	}
	return runtime.GOOS
}

func (o Options) uid() int {
	if o.UID != nil {
		return o.UID()
	}
	return os.Getuid()
}

// resolver carries one resolution's options and warnings.
type resolver struct {
	opts     Options
	warnings []string
}

func (r *resolver) warn(msg string) {
	msg = "connection: " + msg
	r.warnings = append(r.warnings, msg)
	if r.opts.Warn != nil {
		r.opts.Warn(msg)
	}
}

// Resolve returns the connection called name. An empty name means
// $SNOWFLAKE_DEFAULT_CONNECTION_NAME, else config.toml's
// default_connection_name, else "default" — the connector's precedence
// (config_manager.py: an option's environment variable wins over the file).
//
// The connection's table comes from connections.toml when that file exists,
// else from config.toml's [connections], and $SNOWFLAKE_CONNECTIONS replaces
// both; then each key is taken from SNOWFLAKE_CONNECTIONS_<NAME>_<KEY>, the
// table, or SNOWFLAKE_<KEY>, in that order (the Snowflake CLI's precedence).
// A private key file and a token file are read, and the settings are checked
// for what the authenticator needs.
func Resolve(name string, opts Options) (*Connection, error) {
	r := &resolver{opts: opts}
	dir, err := opts.ConfigDir()
	if err != nil {
		return nil, err
	}
	f, err := r.loadFiles(dir)
	if err != nil {
		return nil, err
	}
	why := "asked for"
	if name == "" {
		name, why = r.defaultName(f)
	}
	table, ok := f.conns[name]
	if !ok {
		return nil, unknown(name, why, dir, f)
	}
	c, err := r.build(name, f.source, table)
	if err != nil {
		return nil, err
	}
	c.Warnings = r.warnings
	return c, nil
}

// Names lists the connections defined, sorted, and the name [Resolve] uses when
// given none. The files are checked as [Resolve] checks them.
func Names(opts Options) (names []string, defaultName string, err error) {
	r := &resolver{opts: opts}
	dir, err := opts.ConfigDir()
	if err != nil {
		return nil, "", err
	}
	f, err := r.loadFiles(dir)
	if err != nil {
		return nil, "", err
	}
	def, _ := r.defaultName(f)
	return sortedNames(f), def, nil
}

func (r *resolver) defaultName(f *files) (name, why string) {
	if v, ok := r.opts.env("SNOWFLAKE_DEFAULT_CONNECTION_NAME"); ok && strings.TrimSpace(v) != "" {
		return strings.TrimSpace(v), "named by $SNOWFLAKE_DEFAULT_CONNECTION_NAME"
	}
	if f.defaultName != "" {
		return f.defaultName, "named by default_connection_name in " + ConfigFile
	}
	return DefaultName, "the default"
}

func sortedNames(f *files) []string {
	names := make([]string, 0, len(f.conns))
	for n := range f.conns {
		names = append(names, n)
	}
	slices.Sort(names)
	return names
}

func unknown(name, why, dir string, f *files) error {
	if len(f.read) == 0 {
		return fmt.Errorf("%w %q (%s): no connections are defined: neither %s nor %s exists in %s (set SNOWFLAKE_HOME to another directory)",
			ErrUnknownConnection, name, why, ConnectionsFile, ConfigFile, dir)
	}
	names := sortedNames(f)
	where := " in " + f.source
	if f.source == "" {
		where = ": " + strings.Join(f.read, ", ") + " defines no connections"
	}
	var hint string
	if len(names) > 0 {
		hint = "; valid names: " + strings.Join(names, ", ")
	}
	for _, n := range names {
		if strings.EqualFold(n, name) {
			hint += fmt.Sprintf(" (names are case-sensitive: did you mean %q?)", n)
			break
		}
	}
	return fmt.Errorf("%w %q (%s)%s%s", ErrUnknownConnection, name, why, where, hint)
}

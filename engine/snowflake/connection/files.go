package connection

import (
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"
	"regexp"
	"strings"

	"github.com/BurntSushi/toml"
)

// maxFileBytes bounds what is read from a configuration, key or token file.
const maxFileBytes = 1 << 20

// Environment variables the Python connector reads to silence the warning about
// a file others can read (config_manager.py,
// _should_skip_warning_for_read_permissions_on_config_file), in its order.
var skipReadWarningEnv = []string{
	"SF_SKIP_TOKEN_FILE_PERMISSIONS_VERIFICATION",
	"SKIP_TOKEN_FILE_PERMISSIONS_VERIFICATION",
	"SF_SKIP_WARNING_FOR_READ_PERMISSIONS_ON_CONFIG_FILE",
}

// ErrInsecureFile is returned (wrapped) for a file that group or others can write.
var ErrInsecureFile = errors.New("connection: insecure file")

// ErrSyntax is returned (wrapped) for a configuration file that is not valid TOML.
var ErrSyntax = errors.New("connection: invalid TOML")

// checkPermissions refuses a file group or others can write and warns when they
// can read it or someone else owns it, as the Python connector's
// ConfigManager.read_config does (the check openssh applies to its own files).
// Windows has no such mode bits; the check is skipped there, as it is in the
// connector (IS_WINDOWS).
func (r *resolver) checkPermissions(path string, fi fs.FileInfo) error {
	if r.opts.goos() == "windows" {
		return nil
	}
	mode := fi.Mode().Perm()
	if mode&0o022 != 0 {
		return fmt.Errorf("%w: %s is writable by group or others (mode %04o), so anyone could change the connection; run `chmod 0600 %q`",
			ErrInsecureFile, path, mode, path)
	}
	if r.skipReadWarning() {
		return nil
	}
	if mode&0o044 != 0 {
		r.warn(fmt.Sprintf("%s is readable by group or others (mode %04o); run `chmod 0600 %q` (set SF_SKIP_TOKEN_FILE_PERMISSIONS_VERIFICATION=true to silence this)",
			path, mode, path))
	}
	if uid, ok := fileOwner(fi); ok && uid != 0 && uid != r.opts.uid() {
		r.warn(fmt.Sprintf("%s is owned by uid %d, not by you (uid %d) or root; run `chown $USER %q`", path, uid, r.opts.uid(), path))
	}
	return nil
}

func (r *resolver) skipReadWarning() bool {
	for _, name := range skipReadWarningEnv {
		if v, ok := r.opts.env(name); ok {
			return strings.EqualFold(strings.TrimSpace(v), "true")
		}
	}
	return false
}

// readChecked reads a file after the permission check. A missing file gives
// (nil, false, nil).
func (r *resolver) readChecked(path string) ([]byte, bool, error) {
	fi, err := r.opts.fs().Stat(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, false, nil
	}
	if err != nil {
		return nil, false, fmt.Errorf("connection: %w", err)
	}
	if fi.IsDir() {
		return nil, false, fmt.Errorf("connection: %s is a directory, not a file", path)
	}
	if !fi.Mode().IsRegular() {
		// a FIFO or a device would block the read, or never end
		return nil, false, fmt.Errorf("connection: %s is not a regular file (mode %s)", path, fi.Mode().Type())
	}
	if fi.Size() > maxFileBytes {
		return nil, false, fmt.Errorf("connection: %s is %d bytes; the limit is %d", path, fi.Size(), maxFileBytes)
	}
	if err := r.checkPermissions(path, fi); err != nil {
		return nil, false, err
	}
	data, err := r.opts.fs().ReadFile(path)
	if err != nil {
		return nil, false, fmt.Errorf("connection: %w", err)
	}
	return data, true, nil
}

// parseTOML decodes a TOML document. Its error names source:line:column and
// the last key, never the offending text, which may be a credential.
func parseTOML(source string, data []byte) (map[string]any, error) {
	if len(data) > maxFileBytes {
		return nil, fmt.Errorf("%w: %s is %d bytes; the limit is %d", ErrSyntax, source, len(data), maxFileBytes)
	}
	if err := checkNesting(source, data); err != nil {
		return nil, err
	}
	if err := checkKeys(source, data); err != nil {
		return nil, err
	}
	doc := map[string]any{}
	if _, err := toml.Decode(string(data), &doc); err != nil {
		var pe toml.ParseError
		if !errors.As(err, &pe) {
			return nil, fmt.Errorf("%w: %s: %s", ErrSyntax, source, scrub(err.Error()))
		}
		col := pe.Position.Start - strings.LastIndexByte(string(data[:min(pe.Position.Start, len(data))]), '\n')
		msg := pe.Message
		if msg == "" { // errors from the lexer keep their text in Error() only
			prefix := fmt.Sprintf("toml: line %d: ", pe.Position.Line)
			if pe.LastKey != "" {
				prefix = fmt.Sprintf("toml: line %d (last key %q): ", pe.Position.Line, pe.LastKey)
			}
			msg = strings.TrimPrefix(pe.Error(), prefix)
		}
		var after string
		if pe.LastKey != "" {
			after = fmt.Sprintf(" (after key %q)", pe.LastKey)
		}
		return nil, fmt.Errorf("%w: %s:%d:%d: %s%s", ErrSyntax, source, pe.Position.Line, col, scrub(msg), after)
	}
	return doc, nil
}

var quoted = regexp.MustCompile(`'[^']*'|"(?:[^"\\]|\\.)*"`)

// scrub replaces quoted fragments of a parser message, which echo the input.
func scrub(msg string) string { return quoted.ReplaceAllString(msg, "'…'") }

// files is what the configuration directory and the environment say.
type files struct {
	conns       map[string]map[string]any // connection tables by name
	source      string                    // where conns came from
	defaultName string                    // default_connection_name of config.toml, if any
	read        []string                  // files read, for error messages
}

// loadFiles reads config.toml, then connections.toml, whose tables replace the
// [connections] of config.toml entirely when the file exists (the connector's
// CONFIG_MANAGER slice "connections", config_manager.py); then
// $SNOWFLAKE_CONNECTIONS, a TOML document that replaces both (the connector's
// ConfigOption environment override of the "connections" option).
func (r *resolver) loadFiles(dir string) (*files, error) {
	f := &files{conns: map[string]map[string]any{}}
	var connsValue any
	cfgPath := filepath.Join(dir, ConfigFile)
	if doc, err := r.readTOML(f, cfgPath); err != nil {
		return nil, err
	} else if doc != nil {
		if v, ok := doc["default_connection_name"]; ok {
			s, isStr := v.(string)
			if !isStr {
				return nil, fmt.Errorf("connection: %s: default_connection_name must be a string, not %T", cfgPath, v)
			}
			f.defaultName = s
		}
		if v, ok := doc["connections"]; ok {
			connsValue, f.source = v, cfgPath
		}
	}
	connPath := filepath.Join(dir, ConnectionsFile)
	if doc, err := r.readTOML(f, connPath); err != nil {
		return nil, err
	} else if doc != nil {
		connsValue, f.source = doc, connPath
	}
	if v, ok := r.opts.env("SNOWFLAKE_CONNECTIONS"); ok {
		doc, err := parseTOML("SNOWFLAKE_CONNECTIONS", []byte(v))
		if err != nil {
			return nil, err
		}
		f.read = append(f.read, "$SNOWFLAKE_CONNECTIONS")
		connsValue, f.source = doc, "SNOWFLAKE_CONNECTIONS"
	}
	if connsValue == nil {
		return f, nil
	}
	table, ok := connsValue.(map[string]any)
	if !ok {
		return nil, fmt.Errorf("connection: %s: connections must be a table, not %T", f.source, connsValue)
	}
	for name, v := range table {
		t, ok := v.(map[string]any)
		if !ok && name == "default_connection_name" {
			r.warn(fmt.Sprintf("%s: default_connection_name is ignored here; it belongs in %s", f.source, ConfigFile))
			continue
		}
		if !ok {
			// The CLI skips such an entry with a warning (config_provider.py, _is_connection_table).
			r.warn(fmt.Sprintf("%s: skipping %q: a connection must be a table ([%s]), not a %T", f.source, name, name, v))
			continue
		}
		f.conns[name] = t
	}
	return f, nil
}

// readTOML reads and parses a configuration file, noting it in f.read; a
// missing file gives a nil document.
func (r *resolver) readTOML(f *files, path string) (map[string]any, error) {
	data, ok, err := r.readChecked(path)
	if err != nil || !ok {
		return nil, err
	}
	f.read = append(f.read, path)
	return parseTOML(path, data)
}

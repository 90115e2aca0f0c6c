package connection

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// Names of the two files in the configuration directory.
const (
	ConfigFile      = "config.toml"
	ConnectionsFile = "connections.toml"
)

// FileSystem is what resolution reads: file metadata (for the permission
// checks) and contents, by operating-system path. [OSFileSystem] is the default.
type FileSystem interface {
	Stat(path string) (fs.FileInfo, error)
	ReadFile(path string) ([]byte, error)
}

// OSFileSystem reads the machine's files.
type OSFileSystem struct{}

// Stat is [os.Stat].
func (OSFileSystem) Stat(path string) (fs.FileInfo, error) { return os.Stat(path) }

// ReadFile reads a regular file of at most maxFileBytes. It opens without
// blocking and checks the open file, so a FIFO or device put in place after a
// Stat is refused instead of hanging the read.
func (OSFileSystem) ReadFile(path string) ([]byte, error) {
	f, err := os.OpenFile(path, os.O_RDONLY|openNonBlocking, 0)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if !fi.Mode().IsRegular() {
		return nil, fmt.Errorf("%s is not a regular file (mode %s)", path, fi.Mode().Type())
	}
	data, err := io.ReadAll(io.LimitReader(f, maxFileBytes+1))
	if err != nil {
		return nil, err
	}
	if len(data) > maxFileBytes {
		return nil, fmt.Errorf("%s is over %d bytes", path, maxFileBytes)
	}
	return data, nil
}

// ConfigDir returns the configuration directory the way the Python connector picks it
// (snowflake-connector-python src/snowflake/connector/sf_dirs.py,
// _resolve_platform_dirs, and constants.py CONFIG_FILE / CONNECTIONS_FILE):
//
//  1. $SNOWFLAKE_HOME, default ~/.snowflake, if that directory exists;
//  2. otherwise platformdirs' user_config_path for app "snowflake":
//     Linux $XDG_CONFIG_HOME/snowflake or ~/.config/snowflake,
//     macOS ~/Library/Application Support/snowflake,
//     Windows %LOCALAPPDATA%\snowflake (not roaming: platformdirs' default).
//
// Options.Dir, when set, is returned as is.
func (o Options) ConfigDir() (string, error) {
	if o.Dir != "" {
		return o.Dir, nil
	}
	home, err := o.home()
	snowHome, set := o.env("SNOWFLAKE_HOME")
	if !set || strings.TrimSpace(snowHome) == "" {
		if err != nil {
			return "", err
		}
		snowHome = filepath.Join(home, ".snowflake")
	} else if snowHome, err = expandTilde(snowHome, home, err); err != nil {
		return "", err
	}
	if fi, statErr := o.fs().Stat(snowHome); statErr == nil && fi.IsDir() {
		return snowHome, nil
	}
	return o.platformConfigDir(home, err)
}

// platformConfigDir is platformdirs' user_config_dir joined with "snowflake".
func (o Options) platformConfigDir(home string, homeErr error) (string, error) {
	switch o.goos() {
	case "windows":
		if v, ok := o.env("LOCALAPPDATA"); ok && strings.TrimSpace(v) != "" {
			return filepath.Join(v, "snowflake"), nil
		}
		if homeErr != nil {
			return "", homeErr
		}
		return filepath.Join(home, "AppData", "Local", "snowflake"), nil
	case "darwin", "ios":
		if homeErr != nil {
			return "", homeErr
		}
		return filepath.Join(home, "Library", "Application Support", "snowflake"), nil
	}
	if v, ok := o.env("XDG_CONFIG_HOME"); ok && strings.TrimSpace(v) != "" {
		return filepath.Join(strings.TrimSpace(v), "snowflake"), nil
	}
	if homeErr != nil {
		return "", homeErr
	}
	return filepath.Join(home, ".config", "snowflake"), nil
}

// expandTilde replaces a leading "~" the way Python's os.path.expanduser does
// for the current user.
func expandTilde(p, home string, homeErr error) (string, error) {
	if p != "~" && !strings.HasPrefix(p, "~/") && !strings.HasPrefix(p, `~\`) {
		return p, nil
	}
	if homeErr != nil {
		return "", homeErr
	}
	return filepath.Join(home, p[1:]), nil
}

var errNoHome = errors.New("connection: cannot find the home directory (set Options.Home, SNOWFLAKE_HOME or HOME)")

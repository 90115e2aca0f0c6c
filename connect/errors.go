package connect

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/salesanalytics/salesanalytics/engine/embedded"
	"github.com/salesanalytics/salesanalytics/engine/snowflake"
)

// userError is an error told in a user's words — the flag and what to do,
// without the layers' prefixes or the driver's — that still wraps the error
// it tells (errors.Is sees embedded.ErrOpen, os.ErrPermission, …).
type userError struct {
	msg string
	err error
}

func (e *userError) Error() string { return e.msg }
func (e *userError) Unwrap() error { return e.err }

// driverPrefixes are the prefixes the engines and drivers put before the
// message that says what happened.
var driverPrefixes = []string{
	embedded.ErrOpen.Error(),
	snowflake.ErrOpen.Error() + ": ",
	"database/sql/driver: could not connect to database: ",
	"no DSN, and the connection: ",
	"connection: ",
	"IO Error: ",
}

// openError tells why the warehouse the flags name did not open, as the
// command line names it: -db "x.duckdb" is not a DuckDB database file, or
// -connection "prod": no connection of that name ….
func (f *Flags) openError(path string, err error) error {
	if err == nil {
		return nil
	}
	if path == "" && !strings.EqualFold(strings.TrimSpace(f.Engine), "snowflake") {
		return &userError{msg: fmt.Sprintf("-engine %q: not an engine (valid: embedded, snowflake)", f.Engine), err: err}
	}
	if path == "" {
		name := "the default connection"
		if f.Connection != "" {
			name = fmt.Sprintf("-connection %q", f.Connection)
		}
		return &userError{msg: fmt.Sprintf("Snowflake, %s: %s", name, driverMessage(err)), err: err}
	}
	return DBError(path, err)
}

// DBError tells why the embedded warehouse file at path did not open (or
// build, or refresh), in the words of the -db flag that names it: -db
// "x.duckdb" is not a DuckDB database file, with what to do, and the
// driver's own words otherwise, without its prefixes.
func DBError(path string, err error) error {
	if err == nil {
		return nil
	}
	db := fmt.Sprintf("-db %q", path)
	msg := driverMessage(err)
	switch {
	case strings.Contains(msg, "not a valid DuckDB database file"):
		msg = db + " is not a DuckDB database file; name a warehouse built with -build (or by the quickstart), or leave -db out for the cached demo warehouse"
	case strings.Contains(msg, "not a regular file"):
		msg = db + " is not a file"
	case errors.Is(err, os.ErrNotExist): // the *PathError names the path again
		msg = db + " does not exist"
	case errors.Is(err, os.ErrPermission):
		msg = db + ": permission denied"
	case strings.Contains(msg, "Could not set lock on file"):
		msg = db + " is held by another program writing it; try again when it is done"
	default:
		msg = db + ": " + msg
	}
	return &userError{msg: msg, err: err}
}

// withoutTemp tells err as if it had happened to path, not to tmp, the
// temporary file beside it that a build or refresh writes: a person knows
// the one, never the other.
func withoutTemp(err error, tmp, path string) error {
	if err == nil {
		return nil
	}
	msg := err.Error()
	if absTmp, e1 := filepath.Abs(tmp); e1 == nil {
		if absPath, e2 := filepath.Abs(path); e2 == nil {
			msg = strings.ReplaceAll(msg, absTmp, absPath)
		}
	}
	msg = strings.ReplaceAll(msg, tmp, path)
	if msg == err.Error() {
		return err
	}
	return &userError{msg: msg, err: err}
}

// driverMessage is err's message without the engines' and the driver's
// prefixes, and without the path the flag already names (the driver quotes
// it again, made absolute or as a temporary file).
func driverMessage(err error) string {
	s := err.Error()
	for again := true; again; {
		again = false
		s = strings.TrimSpace(s)
		for _, p := range driverPrefixes {
			if rest, ok := strings.CutPrefix(s, p); ok {
				s, again = rest, true
			}
		}
		// embedded.ErrOpen is followed by the quoted path: "…database "x": …".
		if strings.HasPrefix(s, `"`) {
			if i := strings.Index(s, `": `); i > 0 {
				s, again = s[i+3:], true
			}
		}
	}
	return strings.Join(strings.Fields(s), " ")
}

package semantic

import (
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"
)

// ErrInvalidModel is matched (errors.Is) by every [*Error] from Parse or Validate.
var ErrInvalidModel = errors.New("semantic: invalid model")

// Position is a place in a YAML file. Line and Column count from 1; zero means
// unknown (a built model, or a YAML syntax error, which reports the line only).
type Position struct {
	File   string
	Line   int
	Column int
}

// String renders p as file:line:column, leaving out what is unknown.
func (p Position) String() string {
	s := p.File
	if s == "" {
		s = "<model>"
	}
	if p.Line > 0 {
		s += fmt.Sprintf(":%d", p.Line)
		if p.Column > 0 {
			s += fmt.Sprintf(":%d", p.Column)
		}
	}
	return s
}

// Severity says whether a problem makes the model invalid.
type Severity string

// Severities.
const (
	SeverityError   Severity = "error"
	SeverityWarning Severity = "warning"
)

// Problem is one thing wrong with a model, at a place in its file.
type Problem struct {
	Pos      Position
	Path     string // the key path, e.g. tables[0].dimensions[2].data_type
	Message  string
	Severity Severity
}

// String renders the problem as "file:line:col: path: message".
func (p Problem) String() string {
	var b strings.Builder
	b.WriteString(p.Pos.String())
	b.WriteString(": ")
	if p.Severity == SeverityWarning {
		b.WriteString("warning: ")
	}
	if p.Path != "" {
		b.WriteString(p.Path)
		b.WriteString(": ")
	}
	b.WriteString(p.Message)
	return b.String()
}

// Error lists every error found in a model, in file order.
type Error struct {
	Problems []Problem
}

// Error renders every problem, one per line.
func (e *Error) Error() string {
	lines := make([]string, len(e.Problems))
	for i, p := range e.Problems {
		lines[i] = p.String()
	}
	if len(lines) == 1 {
		return "semantic: invalid model: " + lines[0]
	}
	return fmt.Sprintf("semantic: invalid model: %d problems:\n  %s", len(lines), strings.Join(lines, "\n  "))
}

// Is makes errors.Is(err, ErrInvalidModel) true.
func (e *Error) Is(target error) bool { return target == ErrInvalidModel }

// problems collects problems with positions looked up by path.
type problems struct {
	src  *source
	list []Problem
}

func (ps *problems) add(sev Severity, path, format string, args ...any) {
	ps.addAt(ps.src.at(path), sev, path, fmt.Sprintf(format, args...))
}

func (ps *problems) addAt(pos Position, sev Severity, path, msg string) {
	ps.list = append(ps.list, Problem{Pos: pos, Path: path, Message: msg, Severity: sev})
}

func (ps *problems) errorf(path, format string, args ...any) {
	ps.add(SeverityError, path, format, args...)
}

func (ps *problems) warnf(path, format string, args ...any) {
	ps.add(SeverityWarning, path, format, args...)
}

// split sorts problems by position and separates errors from warnings.
func split(list []Problem) (errs, warns []Problem) {
	sort.SliceStable(list, func(i, j int) bool {
		a, b := list[i].Pos, list[j].Pos
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		return a.Column < b.Column
	})
	for _, p := range list {
		if p.Severity == SeverityError {
			errs = append(errs, p)
		} else {
			warns = append(warns, p)
		}
	}
	return errs, warns
}

// source remembers the parsed node tree, so that a key path can be turned into a
// position when, and only when, a problem needs one.
type source struct {
	file     string
	root     *yaml.Node
	moved    map[string]string // new path prefix → the path it was parsed at
	warnings []Problem
	// pos holds the positions of a model parsed from DDL, which has no node
	// tree: key path → where it was written.
	pos map[string]Position
}

// at returns the position of path, or of its nearest ancestor present in the file.
func (s *source) at(path string) Position {
	if s == nil {
		return Position{}
	}
	if s.pos != nil {
		return s.recorded(path)
	}
	if s.root == nil {
		return Position{File: s.file}
	}
	path = s.original(path)
	n := s.root
	for _, seg := range segments(path) {
		next := child(n, seg)
		if next == nil {
			break
		}
		n = next
	}
	return Position{File: s.file, Line: n.Line, Column: n.Column}
}

// recorded returns the position recorded for path or its nearest ancestor.
func (s *source) recorded(path string) Position {
	for {
		if p, ok := s.pos[path]; ok {
			return p
		}
		i := strings.LastIndexAny(path, ".[")
		if i <= 0 {
			return s.pos[""]
		}
		path = path[:i]
	}
}

// original maps a path under a moved prefix back to where it was parsed; of
// several moved prefixes of path, the longest (the innermost object) counts.
func (s *source) original(path string) string {
	best := ""
	for to := range s.moved {
		if len(to) > len(best) && (path == to || strings.HasPrefix(path, to+".") || strings.HasPrefix(path, to+"[")) {
			best = to
		}
	}
	if best == "" {
		return path
	}
	return s.moved[best] + path[len(best):]
}

// hasErrors reports whether list holds an error, not only warnings.
func hasErrors(list []Problem) bool {
	for _, p := range list {
		if p.Severity == SeverityError {
			return true
		}
	}
	return false
}

// segments splits a.b[2].c into a, b, [2], c. Keys containing '.', '[' or ']'
// split oddly, which only makes the position fall back to an ancestor.
func segments(path string) []string {
	var out []string
	for path != "" {
		i := strings.IndexAny(path, ".[")
		if i < 0 {
			return append(out, path)
		}
		if i > 0 {
			out = append(out, path[:i])
		}
		if path[i] == '.' {
			path = path[i+1:]
			continue
		}
		end := strings.IndexByte(path[i:], ']')
		if end < 0 {
			return append(out, path[i:])
		}
		out, path = append(out, path[i:i+end+1]), path[i+end+1:]
	}
	return out
}

// child returns n's value for a mapping key, or its i-th non-null list item
// (null items are dropped when decoding, so indexes skip them).
func child(n *yaml.Node, seg string) *yaml.Node {
	if n.Kind == yaml.AliasNode {
		n = n.Alias
	}
	if strings.HasPrefix(seg, "[") {
		i, err := strconv.Atoi(strings.TrimSuffix(seg[1:], "]"))
		if err != nil || n.Kind != yaml.SequenceNode {
			return nil
		}
		for _, item := range n.Content {
			if isNull(item) {
				continue
			}
			if i == 0 {
				return item
			}
			i--
		}
		return nil
	}
	if n.Kind != yaml.MappingNode {
		return nil
	}
	for j := 0; j+1 < len(n.Content); j += 2 {
		if n.Content[j].Value == seg {
			return n.Content[j+1]
		}
	}
	return nil
}

func join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

func indexPath(path string, i int) string { return path + "[" + strconv.Itoa(i) + "]" }

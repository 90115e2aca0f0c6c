package connection

import "fmt"

// Bounds on a key's shape. The TOML parser's time grows with the square of a
// dotted key's segments (a 20,000-segment key took 37 s), and no connection
// setting needs more than a handful.
const (
	maxKeySegments = 32
	maxKeyBytes    = 1024
)

// checkKeys refuses a document with a key (bare, dotted, quoted, or a [table]
// header) of more than maxKeySegments segments or maxKeyBytes bytes. Like
// checkNesting it skips comments and strings outside keys, and says only the
// line, never the text.
func checkKeys(source string, data []byte) error {
	k := keyScan{source: source, line: 1}
	k.begin(false)
	k.blank = true
	for i := 0; i < len(data); i++ {
		if err := k.step(data, &i); err != nil {
			return err
		}
	}
	return nil
}

// keyScan is checkKeys' state: where keys may start (line starts and [headers]
// outside arrays, after '{' or ',' in an inline table) up to the '=' or ']' that
// ends them.
type keyScan struct {
	source        string
	line          int
	stack         []byte // open '[' and '{'
	inKey         bool
	segs, bytes   int
	header, blank bool // inKey began at a '[' header; nothing but blanks on the line yet
}

func (k *keyScan) step(data []byte, i *int) error {
	c := data[*i]
	switch c {
	case '\n':
		k.line++
		k.blank = true
		if len(k.stack) == 0 {
			k.begin(false)
		}
		return nil
	case ' ', '\t', '\r':
		return nil
	case '#':
		for *i+1 < len(data) && data[*i+1] != '\n' {
			*i++
		}
		return nil
	case '"', '\'':
		end, lines := skipString(data, *i)
		n := end - *i + 1
		*i, k.line = end, k.line+lines
		k.blank = false
		return k.grow(0, n)
	case '[':
		wasKey := k.inKey && k.blank && len(k.stack) == 0
		k.stack = append(k.stack, c)
		k.blank = false
		if wasKey || (k.header && k.segs == 1 && k.bytes == 0) {
			k.begin(true)
			return nil
		}
		k.inKey = false
		return nil
	case '{':
		k.stack = append(k.stack, c)
		k.begin(false)
		return nil
	case ']', '}':
		if len(k.stack) > 0 {
			k.stack = k.stack[:len(k.stack)-1]
		}
		k.inKey = false
		return nil
	case ',':
		if n := len(k.stack); n > 0 && k.stack[n-1] == '{' {
			k.begin(false)
		}
		return nil
	case '=':
		k.inKey = false
		return nil
	case '.':
		k.blank = false
		return k.grow(1, 1)
	}
	k.blank = false
	return k.grow(0, 1)
}

func (k *keyScan) begin(header bool) {
	k.inKey, k.header, k.segs, k.bytes = true, header, 1, 0
}

// grow adds segments and bytes to the key being read, if one is.
func (k *keyScan) grow(segs, bytes int) error {
	if !k.inKey {
		return nil
	}
	k.segs += segs
	k.bytes += bytes
	switch {
	case k.segs > maxKeySegments:
		return fmt.Errorf("%w: %s:%d: a key has more than %d dotted parts", ErrSyntax, k.source, k.line, maxKeySegments)
	case k.bytes > maxKeyBytes:
		return fmt.Errorf("%w: %s:%d: a key is longer than %d bytes", ErrSyntax, k.source, k.line, maxKeyBytes)
	}
	return nil
}

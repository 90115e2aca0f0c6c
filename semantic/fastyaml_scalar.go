package semantic

import (
	"strconv"
	"strings"
	"time"

	"gopkg.in/yaml.v3"
)

// Scalars of the fast YAML subset (see fastyaml.go): plain, quoted, flow
// sequences of scalars, literal and folded block scalars, and the tags yaml.v3
// resolves plain scalars to.

// plainStart reports whether a plain scalar may start at d[i]: not at an
// indicator, except "-" directly followed by a safe character.
func plainStart(d []byte, i, end int) bool {
	switch d[i] {
	case ',', '[', ']', '{', '}', '#', '&', '*', '!', '|', '>', '\'', '"', '%', '@', '`', '?', ':':
		return false
	case '-':
		if i+1 == end {
			return false
		}
		switch d[i+1] {
		case ' ', '\t', ',', '[', ']', '{', '}':
			return false
		}
	case ' ', '\t':
		return false
	}
	return true
}

// plain reads a block-context plain scalar from d[i] to the end of its line. isKey
// is set when it holds ": ", which makes it a mapping key instead.
func (p *fastParser) plain(i, end int) (v string, isKey bool) {
	d := p.data
	j := i
	for ; j < end; j++ {
		switch d[j] {
		case ':':
			if j+1 == end || d[j+1] == ' ' || d[j+1] == '\t' {
				return "", true
			}
		case '#':
			if d[j-1] == ' ' || d[j-1] == '\t' {
				return p.checkPlain(strings.TrimRight(p.src[i:j], " \t")), false
			}
		}
	}
	return p.checkPlain(strings.TrimRight(p.src[i:j], " \t")), false
}

// checkPlain gives up on the merge key, which yaml.v3 treats specially.
func (p *fastParser) checkPlain(v string) string {
	if v == "<<" {
		p.giveUp()
	}
	return v
}

// quoted reads a single-line quoted scalar that opens at d[i]; it returns the node
// and the offset after its closing quote.
func (p *fastParser) quoted(li, i, end int) (*yaml.Node, int) {
	d := p.data
	q := d[i]
	for j := i + 1; j < end; j++ {
		c := d[j]
		switch {
		case q == '\'' && c == '\'':
			if j+1 < end && d[j+1] == '\'' {
				return p.quotedSlow(li, i, end) // a doubled quote
			}
			return p.scalar(li, i, p.src[i+1:j], "!!str", yaml.SingleQuotedStyle), j + 1
		case q == '"' && c == '"':
			return p.scalar(li, i, p.src[i+1:j], "!!str", yaml.DoubleQuotedStyle), j + 1
		case q == '"' && c == '\\':
			return p.quotedSlow(li, i, end)
		}
	}
	p.giveUp() // the scalar goes on past the line
	return nil, 0
}

// quotedSlow is quoted for scalars with escapes or doubled single quotes.
func (p *fastParser) quotedSlow(li, i, end int) (*yaml.Node, int) {
	d := p.data
	q := d[i]
	var b []byte
	for j := i + 1; j < end; j++ {
		c := d[j]
		switch {
		case q == '\'' && c == '\'':
			if j+1 < end && d[j+1] == '\'' {
				b = append(b, '\'')
				j++
				continue
			}
			return p.scalar(li, i, string(b), "!!str", yaml.SingleQuotedStyle), j + 1
		case q == '"' && c == '"':
			return p.scalar(li, i, string(b), "!!str", yaml.DoubleQuotedStyle), j + 1
		case q == '"' && c == '\\':
			if j+1 == end {
				p.giveUp()
			}
			j++
			switch d[j] {
			case '\\', '"':
				b = append(b, d[j])
			case 'n':
				b = append(b, '\n')
			case 't':
				b = append(b, '\t')
			default:
				p.giveUp()
			}
		default:
			b = append(b, c)
		}
	}
	p.giveUp()
	return nil, 0
}

// flowCollection reads a single-line flow sequence or mapping with scalar keys,
// "[a, 'b', c d]" or "{k: v, k2: 'w'}", that opens at d[i]; it returns the node
// and the offset after its closing bracket.
func (p *fastParser) flowCollection(li, i int) (*yaml.Node, int) {
	d, end := p.data, p.lines[li].end
	line, col := p.pos(li, i)
	n := p.node(yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq", Style: yaml.FlowStyle, Line: line, Column: col})
	closer := byte(']')
	if d[i] == '{' {
		n.Kind, n.Tag, closer = yaml.MappingNode, "!!map", '}'
	}
	j := skipSpaces(d, i+1, end)
	if j < end && d[j] == closer {
		return n, j + 1
	}
	for j < end {
		var item *yaml.Node
		if n.Kind == yaml.SequenceNode {
			item, j = p.flowItem(li, j, end)
		} else {
			start := j
			item, j = p.flowScalar(li, j, end)
			if j-start >= maxKeyLen {
				p.giveUp()
			}
		}
		n.Content = append(n.Content, item)
		j = skipSpaces(d, j, end)
		if n.Kind == yaml.MappingNode {
			if j+1 >= end || d[j] != ':' || d[j+1] != ' ' {
				p.giveUp() // a key without ": value"
			}
			item, j = p.flowItem(li, skipSpaces(d, j+1, end), end)
			n.Content = append(n.Content, item)
			j = skipSpaces(d, j, end)
		}
		if j == end {
			break
		}
		switch d[j] {
		case closer:
			return n, j + 1
		case ',':
			j = skipSpaces(d, j+1, end)
			if j < end && (d[j] == ']' || d[j] == '}') {
				p.giveUp() // a trailing comma
			}
		default:
			p.giveUp()
		}
	}
	p.giveUp() // the collection goes on past the line
	return nil, 0
}

// flowItem reads a value inside a flow collection: a scalar or a collection.
func (p *fastParser) flowItem(li, j, end int) (*yaml.Node, int) {
	if j < end && (p.data[j] == '[' || p.data[j] == '{') {
		return p.flowCollection(li, j)
	}
	return p.flowScalar(li, j, end)
}

// flowScalar reads a quoted or plain scalar inside a flow collection.
func (p *fastParser) flowScalar(li, j, end int) (*yaml.Node, int) {
	d := p.data
	if j == end {
		p.giveUp()
	}
	if d[j] == '"' || d[j] == '\'' {
		return p.quoted(li, j, end)
	}
	if !plainStart(d, j, end) {
		p.giveUp()
	}
	k := j
	for ; k < end && d[k] != ',' && d[k] != ']' && d[k] != '}'; k++ {
		switch d[k] {
		case '[', '{', '#', '?': // libyaml ends a flow plain scalar at '?'
			p.giveUp()
		case ':':
			if k+1 == end || d[k+1] == ' ' || d[k+1] == ',' || d[k+1] == ']' || d[k+1] == '}' {
				return p.flowPlain(li, j, k), k
			}
		}
	}
	return p.flowPlain(li, j, k), k
}

func (p *fastParser) flowPlain(li, j, k int) *yaml.Node {
	v := p.checkPlain(strings.TrimRight(p.src[j:k], " \t"))
	return p.scalar(li, j, v, resolveTag(v), 0)
}

func skipSpaces(d []byte, i, end int) int {
	for i < end && d[i] == ' ' {
		i++
	}
	return i
}

// blockScalar reads a literal (|) or folded (>) block scalar whose header is at
// d[i] of line li, inside a collection at indent owner.
func (p *fastParser) blockScalar(li, i, owner int) *yaml.Node {
	d := p.data
	style := yaml.LiteralStyle
	if d[i] == '>' {
		style = yaml.FoldedStyle
	}
	strip := false
	h := i + 1
	if h < p.lines[li].end {
		switch d[h] {
		case '-':
			strip = true
			h++
		case '+', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9':
			p.giveUp()
		}
	}
	p.rest(li, h)

	// The content indent is that of the first non-empty line, at least owner+1.
	first, leading := li+1, 0
	for first < len(p.lines) && p.lines[first].empty {
		leading = max(leading, p.lines[first].end-p.lines[first].start)
		first++
	}
	indent := owner + 1
	if first < len(p.lines) {
		indent = max(indent, p.lines[first].indent)
	}
	if leading > indent {
		p.giveUp()
	}
	var lines []string // content lines without their indent; "" for empty ones
	last := -1         // index in lines of the last non-empty line
	lastEnd := 0       // its end offset in data
	j := li + 1
	for ; j < len(p.lines); j++ {
		l := p.lines[j]
		if l.empty {
			if l.end-l.start > indent {
				p.giveUp() // spaces beyond the indent are content: leave it to yaml.v3
			}
			lines = append(lines, "")
			continue
		}
		if l.indent < indent {
			break
		}
		text := p.src[l.start+indent : l.end]
		if style == yaml.FoldedStyle && l.indent > indent {
			p.giveUp() // more-indented lines fold differently
		}
		lines = append(lines, text)
		last, lastEnd = len(lines)-1, l.end
	}
	p.li = j
	lines = lines[:last+1]
	var v string
	if style == yaml.LiteralStyle {
		v = strings.Join(lines, "\n")
	} else {
		v = fold(lines)
	}
	if !strip && last >= 0 && lastEnd < len(d) { // clip keeps the last line break, if any
		v += "\n"
	}
	return p.scalar(li, i, v, "!!str", style)
}

// fold joins the lines of a folded scalar: a single line break becomes a space,
// and each empty line between two lines a line break.
func fold(lines []string) string {
	var b strings.Builder
	prevText := false
	breaks := 0
	for _, l := range lines {
		if l == "" {
			breaks++
			continue
		}
		switch {
		case prevText && breaks == 0:
			b.WriteByte(' ')
		default:
			b.WriteString(strings.Repeat("\n", breaks))
		}
		b.WriteString(l)
		prevText, breaks = true, 0
	}
	return b.String()
}

// resolveTag returns the tag yaml.v3 gives the plain scalar s (resolve.go of
// gopkg.in/yaml.v3, which is MIT and Apache-2.0 licensed, reduced to the tag).
func resolveTag(s string) string {
	if s == "" {
		return "!!null"
	}
	switch s[0] {
	case '+', '-', '.', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9',
		'y', 'Y', 'n', 'N', 't', 'T', 'f', 'F', 'o', 'O', '~':
	default:
		return "!!str"
	}
	switch s {
	case "true", "True", "TRUE", "false", "False", "FALSE":
		return "!!bool"
	case "~", "null", "Null", "NULL":
		return "!!null"
	case ".nan", ".NaN", ".NAN", ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF", "-.inf", "-.Inf", "-.INF":
		return "!!float"
	}
	switch c := s[0]; {
	case c == '.':
		if _, err := strconv.ParseFloat(s, 64); err == nil {
			return "!!float"
		}
	case c == '+' || c == '-' || (c >= '0' && c <= '9'):
		if isTimestamp(s) {
			return "!!timestamp"
		}
		plain := strings.ReplaceAll(s, "_", "")
		if _, err := strconv.ParseInt(plain, 0, 64); err == nil {
			return "!!int"
		}
		if _, err := strconv.ParseUint(plain, 0, 64); err == nil {
			return "!!int"
		}
		if yamlFloat(plain) {
			if _, err := strconv.ParseFloat(plain, 64); err == nil {
				return "!!float"
			}
		}
		for _, pre := range []struct {
			prefix string
			base   int
			neg    bool
		}{{"0b", 2, false}, {"-0b", 2, true}, {"0o", 8, false}, {"-0o", 8, true}} {
			if !strings.HasPrefix(plain, pre.prefix) {
				continue
			}
			digits := plain[len(pre.prefix):]
			if pre.neg {
				digits = "-" + digits
			}
			if _, err := strconv.ParseInt(digits, pre.base, 64); err == nil {
				return "!!int"
			}
			if !pre.neg {
				if _, err := strconv.ParseUint(digits, pre.base, 64); err == nil {
					return "!!int"
				}
			}
		}
	}
	return "!!str"
}

// yamlFloat matches ^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$.
func yamlFloat(s string) bool {
	i := 0
	if i < len(s) && (s[i] == '-' || s[i] == '+') {
		i++
	}
	digits := func() int {
		n := 0
		for i < len(s) && s[i] >= '0' && s[i] <= '9' {
			i++
			n++
		}
		return n
	}
	if i < len(s) && s[i] == '.' {
		i++
		if digits() == 0 {
			return false
		}
	} else {
		if digits() == 0 {
			return false
		}
		if i < len(s) && s[i] == '.' {
			i++
			digits()
		}
	}
	if i < len(s) && (s[i] == 'e' || s[i] == 'E') {
		i++
		if i < len(s) && (s[i] == '-' || s[i] == '+') {
			i++
		}
		if digits() == 0 {
			return false
		}
	}
	return i == len(s)
}

var timestampFormats = []string{
	"2006-1-2T15:4:5.999999999Z07:00",
	"2006-1-2t15:4:5.999999999Z07:00",
	"2006-1-2 15:4:5.999999999",
	"2006-1-2",
}

// isTimestamp is yaml.v3's parseTimestamp: four digits and a dash, then a layout
// time.Parse accepts.
func isTimestamp(s string) bool {
	i := 0
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	if i != 4 || i == len(s) || s[i] != '-' {
		return false
	}
	for _, f := range timestampFormats {
		if _, err := time.Parse(f, s); err == nil {
			return true
		}
	}
	return false
}

package semantic

import (
	"strings"
	"unicode/utf8"

	"gopkg.in/yaml.v3"
)

// fastyaml.go reads the block-style YAML that semantic models are written in:
// block mappings with plain keys, block sequences, single-line plain and quoted
// scalars, single-line flow sequences and mappings of scalars, literal and folded block scalars
// and comments. It builds exactly the node tree yaml.v3 would build (kind, tag,
// value, style, line and column; comments are not kept), about ten times faster.
//
// Anything outside that subset — anchors, tags, nested flow collections, multi-line plain
// or quoted scalars, document markers, tabs in indentation, keep chomping, and
// every syntax error — makes it give up, and [Parse] hands the file to yaml.v3,
// which then owns the result and its errors. FuzzFastYAML checks that wherever
// the fast path answers, yaml.v3 answers the same.

// parseFast parses data into a document node, or reports false when data is not
// in the subset.
func parseFast(data []byte) (doc *yaml.Node, ok bool) {
	p := fastParser{data: data, src: string(data)}
	defer func() {
		if r := recover(); r != nil {
			if _, giveUp := r.(outsideSubset); !giveUp {
				panic(r)
			}
			doc, ok = nil, false
		}
	}()
	p.splitLines()
	first := p.nextContent(0)
	if first < 0 || p.lines[first].indent != 0 {
		return nil, false
	}
	l := p.lines[first]
	root := p.mapping(first, l.start, 0)
	if p.nextContent(p.li) >= 0 {
		p.giveUp()
	}
	return &yaml.Node{Kind: yaml.DocumentNode, Line: root.Line, Column: root.Column, Content: []*yaml.Node{root}}, true
}

// outsideSubset is the panic value that unwinds the fast parser.
type outsideSubset struct{}

type fastParser struct {
	data  []byte
	src   string // data, once, so that values share its memory
	lines []fastLine
	li    int         // the next line not yet consumed
	slab  []yaml.Node // nodes are carved from here, a block at a time
}

// node returns a pointer to a copy of n, allocated from the parser's slab.
func (p *fastParser) node(n yaml.Node) *yaml.Node {
	if len(p.slab) == 0 {
		p.slab = make([]yaml.Node, 128)
	}
	p.slab[0] = n
	ptr := &p.slab[0]
	p.slab = p.slab[1:]
	return ptr
}

type fastLine struct {
	start, end int  // byte offsets; end excludes the newline
	indent     int  // leading spaces
	blank      bool // only spaces, or spaces and a comment
	empty      bool // only spaces
}

func (p *fastParser) giveUp() { panic(outsideSubset{}) }

// splitLines indexes the lines and gives up on bytes the subset leaves to yaml.v3:
// carriage returns, control characters, non-printable or unusual line-break runes,
// tabs in indentation and document markers.
func (p *fastParser) splitLines() {
	d := p.data
	p.lines = make([]fastLine, 0, 1+len(d)/32)
	start := 0
	for i := 0; i <= len(d); {
		if i == len(d) || d[i] == '\n' {
			p.lines = append(p.lines, p.line(start, i))
			i++
			start = i
			continue
		}
		c := d[i]
		if c < utf8.RuneSelf {
			if (c < 0x20 && c != '\t') || c == 0x7f {
				p.giveUp()
			}
			i++
			continue
		}
		r, size := utf8.DecodeRune(d[i:])
		if r == utf8.RuneError && size == 1 || !(r >= 0xA0 && r <= 0xD7FF || r >= 0xE000 && r <= 0xFFFD && r != 0xFEFF) {
			p.giveUp()
		}
		i += size
	}
}

func (p *fastParser) line(start, end int) fastLine {
	d := p.data
	i := start
	for i < end && d[i] == ' ' {
		i++
	}
	l := fastLine{start: start, end: end, indent: i - start}
	if i < end && d[i] == '\t' {
		p.giveUp()
	}
	l.empty = i == end
	l.blank = l.empty || d[i] == '#'
	if i == start && end-start >= 3 {
		if s := p.src[start : start+3]; (s == "---" || s == "...") && (end-start == 3 || d[start+3] == ' ') {
			p.giveUp()
		}
	}
	if i == start && i < end && d[i] == '%' {
		p.giveUp()
	}
	return l
}

// nextContent returns the first line at or after i that is not blank, or -1.
func (p *fastParser) nextContent(i int) int {
	for ; i < len(p.lines); i++ {
		if !p.lines[i].blank {
			return i
		}
	}
	return -1
}

// pos returns yaml.v3's 1-based line and column (in runes) of byte off on line li.
func (p *fastParser) pos(li, off int) (line, col int) {
	return li + 1, 1 + utf8.RuneCount(p.data[p.lines[li].start:off])
}

func (p *fastParser) scalar(li, off int, value, tag string, style yaml.Style) *yaml.Node {
	line, col := p.pos(li, off)
	return p.node(yaml.Node{Kind: yaml.ScalarNode, Tag: tag, Value: value, Style: style, Line: line, Column: col})
}

// startsEntry reports whether the content of line li opens a sequence entry.
func (p *fastParser) startsEntry(li int) bool {
	l := p.lines[li]
	i := l.start + l.indent
	return p.data[i] == '-' && (i+1 == l.end || p.data[i+1] == ' ')
}

// mapping parses a block mapping whose first key starts at byte off of line li
// and whose keys stand at indent.
func (p *fastParser) mapping(li, off, indent int) *yaml.Node {
	line, col := p.pos(li, off)
	n := p.node(yaml.Node{Kind: yaml.MappingNode, Tag: "!!map", Line: line, Column: col})
	for {
		key, colon := p.key(li, off)
		n.Content = append(n.Content, key, p.value(li, colon+1, indent, false))
		next := p.nextContent(p.li)
		if next < 0 || p.lines[next].indent < indent {
			return n
		}
		if p.lines[next].indent > indent || p.startsEntry(next) {
			p.giveUp()
		}
		li, off = next, p.lines[next].start+indent
	}
}

// maxKeyLen is below libyaml's limit on a simple key's length (1024), beyond
// which yaml.v3 reports an error.
const maxKeyLen = 1000

// key parses a plain key at off and returns it with the offset of its colon.
func (p *fastParser) key(li, off int) (*yaml.Node, int) {
	d, end := p.data, p.lines[li].end
	if !plainStart(d, off, end) {
		p.giveUp()
	}
	for i := off; i < end; i++ {
		switch d[i] {
		case ':':
			if i-off >= maxKeyLen {
				p.giveUp()
			}
			if i+1 == end || d[i+1] == ' ' {
				k := p.checkPlain(strings.TrimRight(p.src[off:i], " "))
				return p.scalar(li, off, k, resolveTag(k), 0), i
			}
		case '#':
			if d[i-1] == ' ' {
				p.giveUp()
			}
		case '\t':
			p.giveUp()
		}
	}
	p.giveUp()
	return nil, 0
}

// value parses the node that follows a key's colon, or a sequence entry's dash,
// at byte off of line li. owner is the indent of the collection holding it.
func (p *fastParser) value(li, off, owner int, entry bool) *yaml.Node {
	d, l := p.data, p.lines[li]
	i := off
	for i < l.end && d[i] == ' ' {
		i++
	}
	if i == l.end || d[i] == '#' {
		return p.nested(li, off, owner, entry)
	}
	var n *yaml.Node
	switch c := d[i]; c {
	case '|', '>':
		return p.blockScalar(li, i, owner)
	case '[', '{':
		var end int
		n, end = p.flowCollection(li, i)
		p.rest(li, end)
	case '"', '\'':
		var end int
		n, end = p.quoted(li, i, l.end)
		p.rest(li, end)
	default:
		if !plainStart(d, i, l.end) {
			p.giveUp()
		}
		v, isKey := p.plain(i, l.end)
		if isKey {
			if !entry {
				p.giveUp()
			}
			return p.mapping(li, i, i-l.start)
		}
		n = p.scalar(li, i, v, resolveTag(v), 0)
	}
	p.li = li + 1
	if next := p.nextContent(p.li); next >= 0 && p.lines[next].indent > owner {
		p.giveUp() // a continuation line, or a mistake: yaml.v3 decides
	}
	return n
}

// nested parses a node that starts on a later line than its key or dash: a
// collection, or an empty (null) scalar positioned where yaml.v3 puts it.
func (p *fastParser) nested(li, off, owner int, entry bool) *yaml.Node {
	next := p.nextContent(li + 1)
	if next >= 0 {
		l := p.lines[next]
		switch {
		case l.indent > owner && p.startsEntry(next):
			return p.sequence(next, l.indent)
		case l.indent > owner:
			return p.mapping(next, l.start+l.indent, l.indent)
		case l.indent == owner && !entry && p.startsEntry(next):
			return p.sequence(next, owner)
		}
	}
	p.li = li + 1
	return p.scalar(li, off, "", "!!null", 0)
}

// sequence parses a block sequence whose dashes stand at indent, from line li.
func (p *fastParser) sequence(li, indent int) *yaml.Node {
	line, col := p.pos(li, p.lines[li].start+indent)
	n := p.node(yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq", Line: line, Column: col})
	for {
		dash := p.lines[li].start + indent
		if dash+2 < p.lines[li].end && p.data[dash+2] == '-' && (dash+3 == p.lines[li].end || p.data[dash+3] == ' ') {
			p.giveUp() // "- - x": a nested sequence on one line
		}
		n.Content = append(n.Content, p.value(li, dash+1, indent, true))
		next := p.nextContent(p.li)
		if next < 0 || p.lines[next].indent < indent {
			return n
		}
		if p.lines[next].indent > indent {
			p.giveUp()
		}
		if !p.startsEntry(next) {
			return n // the parent mapping goes on (an indentless sequence)
		}
		li = next
	}
}

// rest checks that only spaces and a comment follow byte off on line li.
func (p *fastParser) rest(li, off int) {
	d, end := p.data, p.lines[li].end
	i := off
	for i < end && d[i] == ' ' {
		i++
	}
	if i < end && (d[i] != '#' || i == off) {
		p.giveUp()
	}
}

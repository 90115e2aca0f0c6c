package semantic

import (
	"bytes"
	"os"
	"reflect"
	"regexp"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"
)

// MaxModelSize is the largest model file Parse reads: 8 MiB, some 400 times the
// sales model.
const MaxModelSize = 8 << 20

// ParseFile reads and parses the semantic model file at path. See [Parse].
func ParseFile(path string) (*Model, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	return Parse(path, data)
}

// Parse decodes a semantic model from YAML and validates it. file names the source
// in positions. Unknown keys, wrong types and every rule of [Model.Validate] are
// errors; deprecated keys are accepted with a warning ([Model.Warnings]). On error
// it returns a nil model and an [*Error] listing every problem with its file, line
// and column.
func Parse(file string, data []byte) (*Model, error) {
	src := &source{file: file}
	ps := &problems{src: src}
	root, ok := readDocument(file, data, ps, "a model needs at least name and tables")
	if !ok {
		return nil, &Error{Problems: ps.list}
	}
	src.root = root
	m := &Model{src: src}
	d := &decoder{file: file, ps: ps, budget: aliasExpansion * countNodes(src.root)}
	d.decode(root, reflect.ValueOf(m).Elem(), "")
	normalize(m)
	validate(m, ps)
	errs, warns := split(ps.list)
	src.warnings = warns
	if len(errs) > 0 {
		return nil, &Error{Problems: errs}
	}
	m.idx() // built now, so concurrent lookups only read it
	return m, nil
}

// readDocument returns the root node of a YAML (or JSON) document, reporting a
// file too large, a syntax error or an empty file into ps.
func readDocument(file string, data []byte, ps *problems, empty string) (*yaml.Node, bool) {
	if len(data) > MaxModelSize {
		ps.addAt(Position{File: file, Line: 1, Column: 1}, SeverityError, "",
			"the file is "+strconv.Itoa(len(data))+" bytes; a semantic model may be at most "+strconv.Itoa(MaxModelSize))
		return nil, false
	}
	root, err := parseYAML(data)
	if err != nil {
		ps.addAt(syntaxPos(file, err), SeverityError, "", strings.TrimPrefix(err.Error(), "yaml: "))
		return nil, false
	}
	if len(root.Content) == 0 || len(bytes.TrimSpace(data)) == 0 {
		ps.addAt(Position{File: file, Line: 1, Column: 1}, SeverityError, "", "the file is empty; "+empty)
		return nil, false
	}
	return root.Content[0], true
}

// parseYAML returns the document node of data, from yaml.v3, which also reports
// every syntax error. A model is parsed once per process; yaml.v3 keeps parse and
// validate of the sales model well under 2 ms (BenchmarkParseSalesModel).
func parseYAML(data []byte) (*yaml.Node, error) {
	var root yaml.Node
	if err := yaml.Unmarshal(data, &root); err != nil {
		return nil, err
	}
	return &root, nil
}

var yamlLine = regexp.MustCompile(`line (\d+)`)

// syntaxPos extracts the line of a yaml.v3 syntax error; yaml.v3 does not report
// the column of syntax errors.
func syntaxPos(file string, err error) Position {
	p := Position{File: file}
	if m := yamlLine.FindStringSubmatch(err.Error()); m != nil {
		p.Line, _ = strconv.Atoi(m[1])
	}
	return p
}

// normalize moves deprecated spellings to their current form: measures become
// facts, cortex_search_service_name becomes cortex_search_service. Positions move
// with them.
func normalize(m *Model) {
	for ti := range m.Tables {
		t := &m.Tables[ti]
		if len(t.Measures) > 0 {
			tp := indexPath("tables", ti)
			for mi := range t.Measures {
				m.src.move(indexPath(join(tp, "measures"), mi), indexPath(join(tp, "facts"), len(t.Facts)))
				t.Facts = append(t.Facts, t.Measures[mi])
			}
			t.Measures = nil
		}
		for di := range t.Dimensions {
			dim := &t.Dimensions[di]
			if dim.CortexSearchServiceName != "" && dim.CortexSearchService == nil {
				dim.CortexSearchService = &CortexSearchService{Service: dim.CortexSearchServiceName}
				dp := indexPath(join(indexPath("tables", ti), "dimensions"), di)
				m.src.move(join(dp, "cortex_search_service_name"), join(join(dp, "cortex_search_service"), "service"))
				dim.CortexSearchServiceName = ""
			}
		}
	}
}

// move records that what stood at path from now lives at path to.
func (s *source) move(from, to string) {
	if s == nil {
		return
	}
	if s.moved == nil {
		s.moved = make(map[string]string)
	}
	s.moved[to] = from
}

// Warnings returns the warnings found when the model was parsed or last validated.
func (m *Model) Warnings() []Problem {
	if m.src == nil {
		return nil
	}
	return m.src.warnings
}

// Position returns where the key at path (e.g. "tables[0].dimensions[1].expr")
// stood in the parsed file, or its nearest parent's position.
func (m *Model) Position(path string) Position { return m.src.at(path) }

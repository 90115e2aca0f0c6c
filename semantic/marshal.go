package semantic

import (
	"bytes"
	"reflect"

	"gopkg.in/yaml.v3"
)

// Marshal writes the model as YAML in the spec's key order, two-space indented,
// leaving out empty keys. Parsing the output gives a model [Model.Equal] to m.
func (m *Model) Marshal() ([]byte, error) {
	var buf bytes.Buffer
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(2)
	if err := enc.Encode(m); err != nil {
		return nil, err
	}
	if err := enc.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// Equal reports whether m and o define the same model, ignoring where they were
// parsed from.
func (m *Model) Equal(o *Model) bool {
	if m == nil || o == nil {
		return m == o
	}
	a, b := *m, *o
	a.src, b.src, a.index, b.index = nil, nil, nil, nil
	return reflect.DeepEqual(a, b)
}

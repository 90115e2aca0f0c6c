package semantic

import (
	"fmt"
	"reflect"
	"sort"
	"strings"
	"sync"

	"gopkg.in/yaml.v3"
)

// decoder walks a YAML node tree into the model's structs by their yaml tags, like
// yaml.v3 with KnownFields, but it records the position of every key and keeps
// going after a problem so that all of them are reported at once.
type decoder struct {
	file string
	ps   *problems
	// budget bounds the nodes decoded, so aliases cannot expand a small file into
	// a huge model ("billion laughs").
	budget int
}

// aliasExpansion is how many times the file's own node count the decoder will
// visit through aliases before refusing.
const aliasExpansion = 10

// deprecatedKeys are accepted with a warning. The key is "Type.key".
var deprecatedKeys = map[string]string{
	"Table.measures":                       "measures is deprecated; use facts (read as facts)",
	"Dimension.cortex_search_service_name": "cortex_search_service_name is deprecated; use cortex_search_service (read as cortex_search_service.service)",
	"Model.custom_instructions":            "custom_instructions is deprecated; use module_custom_instructions.sql_generation",
	"Fact.default_aggregation":             "default_aggregation is deprecated; aggregate in a metric instead",
}

// ignoredKeys are internal to Snowflake's proto: accepted, warned about, dropped.
var ignoredKeys = map[string]bool{
	"Table.columns": true, "Table.foreign_keys": true, "Relationship.expr": true,
	"Metric.filter": true, "Dimension.index_and_retrieve_values": true,
	"Dimension.retrieved_literals": true,
}

var unmarshalerType = reflect.TypeFor[yaml.Unmarshaler]()

type fieldInfo struct {
	index int
	name  string
}

var fieldCache sync.Map // reflect.Type → map[string]fieldInfo

func fieldsOf(t reflect.Type) map[string]fieldInfo {
	if f, ok := fieldCache.Load(t); ok {
		return f.(map[string]fieldInfo)
	}
	m := make(map[string]fieldInfo)
	for i := range t.NumField() {
		sf := t.Field(i)
		tag := strings.Split(sf.Tag.Get("yaml"), ",")[0]
		if tag == "" || tag == "-" || !sf.IsExported() {
			continue
		}
		m[tag] = fieldInfo{index: i, name: tag}
	}
	fieldCache.Store(t, m)
	return m
}

func (d *decoder) at(n *yaml.Node) Position {
	return Position{File: d.file, Line: n.Line, Column: n.Column}
}

func (d *decoder) errorAt(n *yaml.Node, path, format string, args ...any) {
	d.ps.addAt(d.at(n), SeverityError, path, fmt.Sprintf(format, args...))
}

func (d *decoder) warnAt(n *yaml.Node, path, format string, args ...any) {
	d.ps.addAt(d.at(n), SeverityWarning, path, fmt.Sprintf(format, args...))
}

// decode fills v from n; path names v for messages and positions.
func (d *decoder) decode(n *yaml.Node, v reflect.Value, path string) {
	if n.Kind == yaml.AliasNode {
		n = n.Alias
	}
	if d.budget--; d.budget < 0 {
		if d.budget == -1 {
			d.errorAt(n, path, "aliases expand the document beyond %d times its size", aliasExpansion)
		}
		return
	}
	if isNull(n) {
		return // an explicit null leaves the zero value
	}
	if v.CanAddr() && v.Addr().Type().Implements(unmarshalerType) {
		if err := v.Addr().Interface().(yaml.Unmarshaler).UnmarshalYAML(n); err != nil {
			d.errorAt(n, path, "%s", err.Error())
		}
		return
	}
	switch v.Kind() {
	case reflect.Pointer:
		if v.IsNil() {
			v.Set(reflect.New(v.Type().Elem()))
		}
		d.decode(n, v.Elem(), path)
	case reflect.Struct:
		d.decodeStruct(n, v, path)
	case reflect.Slice:
		d.decodeSlice(n, v, path)
	case reflect.String:
		if n.Kind != yaml.ScalarNode {
			d.errorAt(n, path, "expected a string, got a %s", kindName(n.Kind))
			return
		}
		v.SetString(n.Value)
	case reflect.Bool:
		var b bool
		if n.Kind != yaml.ScalarNode || n.Decode(&b) != nil {
			d.errorAt(n, path, "expected true or false, got %s", describe(n))
			return
		}
		v.SetBool(b)
	case reflect.Int, reflect.Int64:
		var i int64
		if n.Kind != yaml.ScalarNode || n.Decode(&i) != nil {
			d.errorAt(n, path, "expected an integer, got %s", describe(n))
			return
		}
		v.SetInt(i)
	default:
		d.errorAt(n, path, "cannot decode into %s", v.Type())
	}
}

func (d *decoder) decodeStruct(n *yaml.Node, v reflect.Value, path string) {
	if n.Kind != yaml.MappingNode {
		d.errorAt(n, path, "expected a mapping, got %s", describe(n))
		return
	}
	t := v.Type()
	fields := fieldsOf(t)
	seen := make(map[string]bool, len(n.Content)/2)
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, val := n.Content[i], n.Content[i+1]
		key := k.Value
		kp := join(path, key)
		if seen[key] {
			d.errorAt(k, kp, "duplicate key %q", key)
			continue
		}
		seen[key] = true
		qualified := t.Name() + "." + key
		if ignoredKeys[qualified] {
			d.warnAt(k, kp, "%s is internal to Snowflake and is ignored", key)
			continue
		}
		f, ok := fields[key]
		if !ok {
			d.errorAt(k, kp, "unknown key %q in %s (valid: %s)", key, what(t, path), strings.Join(keysOf(fields), ", "))
			continue
		}
		if msg, dep := deprecatedKeys[qualified]; dep {
			d.warnAt(k, kp, "%s", msg)
		}
		d.decode(val, v.Field(f.index), kp)
	}
}

func (d *decoder) decodeSlice(n *yaml.Node, v reflect.Value, path string) {
	if n.Kind != yaml.SequenceNode {
		d.errorAt(n, path, "expected a list, got %s", describe(n))
		return
	}
	out := reflect.MakeSlice(v.Type(), 0, len(n.Content))
	for i, item := range n.Content {
		ip := indexPath(path, i)
		if isNull(item) {
			d.warnAt(item, ip, "null item dropped")
			continue
		}
		elem := reflect.New(v.Type().Elem()).Elem()
		d.decode(item, elem, indexPath(path, out.Len()))
		out = reflect.Append(out, elem)
	}
	if out.Len() > 0 { // an empty list reads as absent, as Marshal writes it
		v.Set(out)
	}
}

func isNull(n *yaml.Node) bool {
	return n.Kind == yaml.ScalarNode && n.Tag == "!!null"
}

func kindName(k yaml.Kind) string {
	switch k {
	case yaml.MappingNode:
		return "mapping"
	case yaml.SequenceNode:
		return "list"
	case yaml.ScalarNode:
		return "scalar"
	}
	return "document"
}

func describe(n *yaml.Node) string {
	if n.Kind == yaml.ScalarNode {
		return "\"" + n.Value + "\""
	}
	return "a " + kindName(n.Kind)
}

func keysOf(fields map[string]fieldInfo) []string {
	out := make([]string, 0, len(fields))
	for k := range fields {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// what names the object at path for messages: "tables[0]" or "the model".
func what(t reflect.Type, path string) string {
	if path == "" {
		return "the model"
	}
	return path
}

// countNodes returns the number of nodes in the tree under n, not following aliases.
func countNodes(n *yaml.Node) int {
	c := 1
	for _, ch := range n.Content {
		c += countNodes(ch)
	}
	return c
}

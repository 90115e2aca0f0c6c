package semantic

import (
	"bytes"
	"encoding/json"
	"fmt"
	"reflect"

	"gopkg.in/yaml.v3"
)

// extension returns the custom_extensions entry that keeps e, or nil when e
// holds nothing beyond its format number. The data is compact JSON with sorted
// keys and no empty values: {"salesanalytics":{"format":1,…}}.
func extension(v OssieVersion, e ossieExt) ([]ossieExtension, error) {
	e.Format = ossieExtFormat
	y, err := yaml.Marshal(e)
	if err != nil {
		return nil, err
	}
	var tree any
	if err := yaml.Unmarshal(y, &tree); err != nil {
		return nil, err
	}
	tree = prune(tree)
	if obj, ok := tree.(map[string]any); !ok || len(obj) <= 1 {
		return nil, nil
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(map[string]any{OssieExtensionKey: tree}); err != nil {
		return nil, err
	}
	vendor := OssieVendor
	if v == Ossie011 {
		vendor = ossieVendorCommon
	}
	return []ossieExtension{{VendorName: vendor, Data: string(bytes.TrimSpace(buf.Bytes()))}}, nil
}

// prune drops empty strings, empty lists, empty mappings and nulls, which decode
// to the zero values they came from.
func prune(v any) any {
	switch t := v.(type) {
	case map[string]any:
		for k, x := range t {
			if x = prune(x); x == nil {
				delete(t, k)
			} else {
				t[k] = x
			}
		}
		if len(t) == 0 {
			return nil
		}
		return t
	case []any:
		if len(t) == 0 {
			return nil
		}
		for i, x := range t {
			switch x.(type) {
			case map[string]any:
				if t[i] = prune(x); t[i] == nil {
					t[i] = map[string]any{} // keep list positions
				}
			case []any:
				if t[i] = prune(x); t[i] == nil {
					t[i] = []any{}
				}
			}
		}
		return t
	case string:
		if t == "" {
			return nil
		}
	}
	return v
}

// ours reports whether ext is an entry this package wrote: vendor SALESANALYTICS,
// or vendor COMMON whose data has the salesanalytics key.
func ours(ext ossieExtension) bool {
	if ext.VendorName == OssieVendor {
		return true
	}
	if ext.VendorName != ossieVendorCommon {
		return false
	}
	var probe map[string]json.RawMessage
	return json.Unmarshal([]byte(ext.Data), &probe) == nil && probe[OssieExtensionKey] != nil
}

// readExt decodes the package's extension among exts, strictly: its data must be
// a JSON object whose salesanalytics value holds only the keys of ossieExt. A
// problem is reported at the data key, with the key path inside the data. Other
// vendors' entries are kept out of the model with a warning. It returns the zero
// ossieExt when there is none.
func (r *ossieReader) readExt(path string, exts []ossieExtension) ossieExt {
	var out ossieExt
	found := false
	for i, ext := range exts {
		ep := indexPath(join(path, "custom_extensions"), i)
		if !ours(ext) {
			if ext.VendorName != "" {
				r.ps.warnf(join(ep, "vendor_name"), "custom extension of vendor %s is not read into the model (it has no place for it)", ext.VendorName)
			}
			continue
		}
		dp := join(ep, "data")
		if found {
			r.ps.errorf(dp, "a second %s custom extension; an object has at most one", OssieExtensionKey)
			continue
		}
		found = true
		r.decodeExt(dp, ext.Data, &out)
	}
	return out
}

// decodeExt decodes data into e through the model's strict decoder.
func (r *ossieReader) decodeExt(dp, data string, e *ossieExt) {
	var root yaml.Node
	if err := yaml.Unmarshal([]byte(data), &root); err != nil || len(root.Content) == 0 || root.Content[0].Kind != yaml.MappingNode {
		r.ps.errorf(dp, "data must be a JSON object with the key %q", OssieExtensionKey)
		return
	}
	body := child(root.Content[0], OssieExtensionKey)
	if body == nil {
		r.ps.errorf(dp, "data has no %q key", OssieExtensionKey)
		return
	}
	inner := &problems{src: &source{}}
	d := &decoder{ps: inner, budget: aliasExpansion * countNodes(body)}
	d.decode(body, reflect.ValueOf(e).Elem(), OssieExtensionKey)
	for _, p := range inner.list {
		r.ps.add(p.Severity, dp, "%s: %s", p.Path, p.Message)
	}
	if len(inner.list) == 0 && e.Format != ossieExtFormat {
		r.ps.errorf(dp, "%s.format is %d; this version reads format %d", OssieExtensionKey, e.Format, ossieExtFormat)
	}
}

// kindOf names the model object an extension holds, for messages.
func (e *ossieExt) kindOf() string {
	switch {
	case e.Dimension != nil:
		return "dimension"
	case e.TimeDimension != nil:
		return "time_dimension"
	case e.Fact != nil:
		return "fact"
	}
	return ""
}

// errExtKind is the message for an extension that holds another kind of column
// than the Ossie field is.
func errExtKind(got, want string) string {
	return fmt.Sprintf("the %s custom extension holds a %s, but the field is a %s", OssieExtensionKey, got, want)
}

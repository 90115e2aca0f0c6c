package web

import (
	"net/url"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

func itoa(n int) string { return strconv.Itoa(n) }

func lowerFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToLower(r)) + s[n:]
}

// withQuery returns path with the query appended when it is not empty.
func withQuery(path string, q url.Values) string {
	if enc := q.Encode(); enc != "" {
		return path + "?" + enc
	}
	return path
}

// without returns a copy of q with one value of key removed.
func without(q url.Values, key, value string) url.Values {
	out := url.Values{}
	for k, vs := range q {
		for _, v := range vs {
			if k == key && v == value {
				continue
			}
			out.Add(k, v)
		}
	}
	return out
}

// clean drops empty values, so a submitted form with blank fields gives the same
// URL as one without them.
func clean(q url.Values) url.Values {
	out := url.Values{}
	for k, vs := range q {
		for _, v := range vs {
			if v = strings.TrimSpace(v); v != "" {
				out.Add(k, v)
			}
		}
	}
	return out
}

// dropDefaults returns q without the values that equal their field's default,
// and whether it dropped any. The date fields go together: they are dropped
// only when every one is there at its default, since a query without dates
// means the default range and one with a single date means "to the data's end".
func dropDefaults(q url.Values, fields []Field) (url.Values, bool) {
	changed := false
	dates, atDefault := 0, true
	for _, f := range fields {
		if f.Kind == "date" {
			dates++
			if vs := q[f.Name]; len(vs) != 1 || f.Default == "" || vs[0] != f.Default {
				atDefault = false
			}
			continue
		}
		if f.Default == "" {
			continue
		}
		for _, v := range q[f.Name] {
			if v == f.Default {
				q = without(q, f.Name, v)
				changed = true
			}
		}
	}
	if dates > 0 && atDefault {
		q = withoutKeys(q, dateNames(fields)...)
		changed = true
	}
	return q, changed
}

// dateNames lists the names of the date fields.
func dateNames(fields []Field) []string {
	var out []string
	for _, f := range fields {
		if f.Kind == "date" {
			out = append(out, f.Name)
		}
	}
	return out
}

// withoutKeys returns a copy of q without the keys given.
func withoutKeys(q url.Values, keys ...string) url.Values {
	out := url.Values{}
	for k, vs := range q {
		if !slices.Contains(keys, k) {
			out[k] = vs
		}
	}
	return out
}

// resolvePeriod returns q with its period preset replaced by the dates the
// form's date fields hold for it; none when they are the default range.
func resolvePeriod(q url.Values, fields []Field) url.Values {
	q = withoutKeys(q, append(dateNames(fields), keyPeriod)...)
	for _, f := range fields {
		if f.Kind == "date" {
			q.Set(f.Name, f.Value)
		}
	}
	q, _ = dropDefaults(q, fields)
	return q
}

package web

import (
	"net/url"
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
// and whether it dropped any.
func dropDefaults(q url.Values, fields []Field) (url.Values, bool) {
	changed := false
	for _, f := range fields {
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
	return q, changed
}

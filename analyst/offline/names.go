package offline

import (
	"fmt"
	"sort"
	"strings"
)

// Partial names: a person is often named by one part of the name ("how much
// did Natalie spend", "Maldonado's revenue"), a product by its number
// ("product 239" for Product_0239), or by the surname first ("Nakamura,
// Marie"). A part is read as the value only when
// exactly one value of its dimension has it and it is no other word the
// analyst knows; a part two dimensions share is read as chooseValue reads any
// value of two dimensions, and the answer says so.

// nameParts adds the unambiguous parts of the values of the name dimensions
// (those called <x>_name), by dimension, and the numbers of the products.
func (l *lexicon) nameParts(values map[string][]string) {
	dims := make([]string, 0, len(values))
	for dim := range values {
		dims = append(dims, dim)
	}
	sort.Strings(dims)
	vocabulary := map[string]bool{} // the words of every phrase but people's names
	for p, ms := range l.phrases {
		for _, m := range ms {
			if m.kind != kValue || !strings.HasSuffix(m.name, "_name") {
				for _, w := range strings.Fields(p) {
					vocabulary[w] = true
				}
				break
			}
		}
	}
	for _, dim := range dims {
		if !strings.HasSuffix(dim, "_name") {
			continue
		}
		owners := map[string][]string{} // part → the values that have it
		for _, v := range values[dim] {
			if n, ok := productNumber(v); ok {
				for _, p := range []string{fmt.Sprintf("product %d", n), fmt.Sprintf("product %04d", n), fmt.Sprintf("item %d", n)} {
					l.add(p, meaning{kind: kValue, name: dim, value: v}, false)
				}
				continue
			}
			parts := strings.Fields(strings.ToLower(v))
			if len(parts) < 2 {
				continue
			}
			if len(parts) == 2 {
				// "Nakamura, Marie": the surname first, as lists write it
				l.add(parts[1]+" "+parts[0], meaning{kind: kValue, name: dim, value: v}, false)
			}
			for _, p := range parts {
				p = strings.TrimSuffix(p, ".")
				if len(p) >= 3 && isAlpha(p) && (len(owners[p]) == 0 || owners[p][len(owners[p])-1] != v) {
					owners[p] = append(owners[p], v)
				}
			}
		}
		for p, vs := range owners {
			if len(vs) != 1 || vocabulary[p] || stopWords[p] || len(l.phrases[p]) > 0 {
				continue // two people of that name, or a word of its own ("May", "West")
			}
			l.add(p, meaning{kind: kValue, name: dim, value: vs[0]}, false)
			l.add(p+"s", meaning{kind: kValue, name: dim, value: vs[0]}, false) // "Maldonado's" without its apostrophe
		}
	}
}

// productNumber reads the number of a product named Product_0239.
func productNumber(v string) (int, bool) {
	rest, ok := strings.CutPrefix(v, "Product_")
	if !ok || rest == "" || len(rest) > 6 {
		return 0, false
	}
	n := 0
	for _, c := range rest {
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, true
}

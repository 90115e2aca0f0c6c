package offline

import "strings"

// againstOne declines groups measured against one named value of their own
// kind ("which states had fewer orders than Texas", "reps who sold more
// than Nancy Clark"): read alone it would list that value only, or every
// group unfiltered. Two named values ("did the West sell more than the
// East") are set side by side elsewhere.
func againstOne(items []item, in *intent) *decline {
	for i := range items {
		if it := &items[i]; it.kind != kKeyword || it.text != "than" && !strings.HasSuffix(it.text, " than") {
			continue
		}
		next := neighbour(items, i+1)
		if next != nil && next.text == "the" {
			next = neighbour(items, i+2)
		}
		if next == nil || !next.is(kValue) {
			continue
		}
		v, _ := next.reading(kValue)
		for _, f := range in.filters {
			if f.dim == v.name && len(f.values) == 1 && !f.not {
				return unsupported("I could not place %q: I can set named %s side by side (\"%s vs …\") or list every %s with its figure, but not keep those above or below one %s",
					items[i].orig+" "+next.orig, plural(label(f.dim)), next.orig, label(f.dim), label(f.dim))
			}
		}
	}
	return nil
}

package dashboard

import (
	"slices"
	"strings"

	"github.com/salesanalytics/salesanalytics/query"
)

// FieldKind says what values a filter field holds.
type FieldKind string

// The kinds of filter field.
const (
	// FieldText is a list of names (regions, categories, …): any of them.
	FieldText FieldKind = "text"
	// FieldIDs is a list of ids (reps, products, customers): any of them.
	FieldIDs FieldKind = "ids"
	// FieldOne is a single name (the channel); empty means all.
	FieldOne FieldKind = "one"
)

// FilterField describes one field of a [Filter] beside its date range: its URL
// query key and flag name, a label for forms, its kind and the semantic model's
// dimension it restricts. [FilterFields] lists them all; every encoder, decoder,
// check and query of a Filter walks that list, so adding a field to Filter is
// one entry there.
type FilterField struct {
	Key   string
	Label string
	Kind  FieldKind
	// Dimension is the sales model's dimension the field restricts.
	Dimension string

	texts   func(*Filter) *[]string    // FieldText
	ids     func(*Filter) *[]int64     // FieldIDs
	one     func(*Filter) *string      // FieldOne
	choices func(*Catalog) []string    // FieldText, FieldOne: the valid values
	known   func(*Catalog, int64) bool // FieldIDs: whether an id is valid; nil checks nothing
}

// filterFields are the fields, in the order they are encoded.
var filterFields = []FilterField{
	{Key: KeyRegion, Label: "Regions", Kind: FieldText, Dimension: "region",
		texts: func(f *Filter) *[]string { return &f.Regions }, choices: func(c *Catalog) []string { return c.Regions }},
	{Key: KeyCategory, Label: "Categories", Kind: FieldText, Dimension: "category",
		texts: func(f *Filter) *[]string { return &f.Categories }, choices: func(c *Catalog) []string { return c.Categories }},
	{Key: KeySegment, Label: "Segments", Kind: FieldText, Dimension: "segment",
		texts: func(f *Filter) *[]string { return &f.Segments }, choices: func(c *Catalog) []string { return c.Segments }},
	{Key: KeyIndustry, Label: "Industries", Kind: FieldText, Dimension: "industry",
		texts: func(f *Filter) *[]string { return &f.Industries }, choices: func(c *Catalog) []string { return c.Industries }},
	{Key: KeyChannel, Label: "Channel", Kind: FieldOne, Dimension: "channel",
		one: func(f *Filter) *string { return &f.Channel }, choices: func(c *Catalog) []string { return c.Channels }},
	{Key: KeyRep, Label: "Reps", Kind: FieldIDs, Dimension: "rep_id",
		ids: func(f *Filter) *[]int64 { return &f.Reps }, known: func(c *Catalog, id int64) bool { _, ok := c.Reps[id]; return ok }},
	{Key: KeyProduct, Label: "Product", Kind: FieldIDs, Dimension: "product_id",
		ids: func(f *Filter) *[]int64 { return &f.Products }, known: func(c *Catalog, id int64) bool { _, ok := c.Products[id]; return ok }},
	{Key: KeyCustomer, Label: "Customer", Kind: FieldIDs, Dimension: "customer_id",
		ids: func(f *Filter) *[]int64 { return &f.Customers }},
}

// FilterFields returns the fields of a [Filter] beside its dates, in order.
func FilterFields() []FilterField { return slices.Clone(filterFields) }

// Choices returns the field's valid values in catalog c (nil for id fields).
func (ff FilterField) Choices(c *Catalog) []string {
	if ff.choices == nil {
		return nil
	}
	return ff.choices(c)
}

// Spell returns v spelled as catalog c spells the field's values, matched
// ignoring case ("west" is West); a value that matches none, or a value of an
// id field, is returned as it is, for the view to reject with the valid ones.
// Every reader of filter values (flags, URLs) spells them here.
func (ff FilterField) Spell(c *Catalog, v string) string {
	valid := ff.Choices(c)
	if j := slices.IndexFunc(valid, func(s string) bool { return strings.EqualFold(s, v) }); j >= 0 {
		return valid[j]
	}
	return v
}

// Strings returns the field's values in f as text (ids in decimal).
func (ff FilterField) Strings(f Filter) []string {
	switch ff.Kind {
	case FieldText:
		return slices.Clone(*ff.texts(&f))
	case FieldIDs:
		ids := *ff.ids(&f)
		out := make([]string, len(ids))
		for i, id := range ids {
			out[i] = formatID(id)
		}
		return out
	}
	if s := *ff.one(&f); s != "" {
		return []string{s}
	}
	return nil
}

// count is how many values the field holds in f.
func (ff FilterField) count(f *Filter) int {
	switch ff.Kind {
	case FieldText:
		return len(*ff.texts(f))
	case FieldIDs:
		return len(*ff.ids(f))
	}
	if *ff.one(f) != "" {
		return 1
	}
	return 0
}

// anys returns the field's values in f as query arguments.
func (ff FilterField) anys(f *Filter) []any {
	var out []any
	switch ff.Kind {
	case FieldText:
		for _, s := range *ff.texts(f) {
			out = append(out, s)
		}
	case FieldIDs:
		for _, id := range *ff.ids(f) {
			out = append(out, id)
		}
	default:
		if s := *ff.one(f); s != "" {
			out = append(out, s)
		}
	}
	return out
}

// canonical sorts the field's list in f and drops repeats.
func (ff FilterField) canonical(f *Filter) {
	switch ff.Kind {
	case FieldText:
		*ff.texts(f) = sortedSet(*ff.texts(f))
	case FieldIDs:
		*ff.ids(f) = sortedSet(*ff.ids(f))
	}
}

// equal reports whether f and g hold the same values of the field, in order.
func (ff FilterField) equal(f, g *Filter) bool {
	switch ff.Kind {
	case FieldText:
		return slices.Equal(*ff.texts(f), *ff.texts(g))
	case FieldIDs:
		return slices.Equal(*ff.ids(f), *ff.ids(g))
	}
	return *ff.one(f) == *ff.one(g)
}

// where returns the semantic filter selecting f's rows (dates aside): each set
// field as an IN list (or, for one value, an equality), ANDed; nil for none.
func (f Filter) where() query.Filter {
	var parts []query.Filter
	for _, ff := range filterFields {
		vals := ff.anys(&f)
		switch {
		case len(vals) == 0:
		case ff.Kind == FieldOne:
			parts = append(parts, query.Eq(ff.Dimension, vals[0]))
		default:
			parts = append(parts, query.In(ff.Dimension, vals...))
		}
	}
	if len(parts) == 0 {
		return nil
	}
	return query.And(parts...)
}

// restricts reports whether f sets any field but the date range, outside keys.
func (f Filter) restricts(except ...string) bool {
	for _, ff := range filterFields {
		if ff.count(&f) > 0 && !slices.Contains(except, ff.Key) {
			return true
		}
	}
	return false
}

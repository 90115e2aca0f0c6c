package dashboard

import (
	"flag"
	"fmt"
	"net/url"
	"strconv"
	"strings"
	"time"
)

// The URL query keys and flag names of a [Filter]'s fields. List fields repeat the
// key (region=North&region=South); on the command line a list flag may also be
// repeated, or take comma-separated values.
const (
	KeyFrom     = "from"
	KeyTo       = "to"
	KeyRegion   = "region"
	KeyCategory = "category"
	KeySegment  = "segment"
	KeyIndustry = "industry"
	KeyRep      = "rep"
	KeyProduct  = "product"
	KeyCustomer = "customer"
	KeyChannel  = "channel"
)

// Values encodes f as URL query values; fields at their zero value are left out,
// so the whole warehouse is the empty query. Lists keep their order.
func (f Filter) Values() url.Values {
	v := url.Values{}
	if !f.From.IsZero() {
		v.Set(KeyFrom, f.From.Format(time.DateOnly))
	}
	if !f.To.IsZero() {
		v.Set(KeyTo, f.To.Format(time.DateOnly))
	}
	for _, ff := range filterFields {
		for _, s := range ff.Strings(f) {
			v.Add(ff.Key, s)
		}
	}
	return v
}

// ParseValues decodes a Filter from URL query values, ignoring keys it does not
// know (a page's other parameters). A malformed date or id is an error naming the
// key. ParseValues(f.Values()) equals f for every f whose dates are days.
func ParseValues(v url.Values) (Filter, error) {
	var f Filter
	var err error
	if f.From, err = parseDate(KeyFrom, v.Get(KeyFrom)); err != nil {
		return Filter{}, err
	}
	if f.To, err = parseDate(KeyTo, v.Get(KeyTo)); err != nil {
		return Filter{}, err
	}
	for _, ff := range filterFields {
		switch ff.Kind {
		case FieldText:
			*ff.texts(&f) = append([]string(nil), v[ff.Key]...)
		case FieldIDs:
			for _, s := range v[ff.Key] {
				id, err := parseID(ff.Key, s)
				if err != nil {
					return Filter{}, err
				}
				*ff.ids(&f) = append(*ff.ids(&f), id)
			}
		default:
			*ff.one(&f) = v.Get(ff.Key)
		}
	}
	return f, nil
}

// Args renders f as command-line arguments for [Filter.Bind]'s flags, one flag per
// list value. Parsing them gives back f, provided no list value contains a comma.
func (f Filter) Args() []string {
	var out []string
	if !f.From.IsZero() {
		out = append(out, "-"+KeyFrom+"="+f.From.Format(time.DateOnly))
	}
	if !f.To.IsZero() {
		out = append(out, "-"+KeyTo+"="+f.To.Format(time.DateOnly))
	}
	for _, ff := range filterFields {
		for _, s := range ff.Strings(f) {
			out = append(out, "-"+ff.Key+"="+s)
		}
	}
	return out
}

// Bind registers f's flags on fs: -from and -to (YYYY-MM-DD), -region, -category,
// -segment, -industry, -rep, -product and -customer (repeatable, or
// comma-separated), and -channel: one flag per [FilterFields] entry. Parsing fs
// fills f; a malformed value fails the parse with a message naming the flag.
func (f *Filter) Bind(fs *flag.FlagSet) {
	fs.Var(dateFlag{KeyFrom, &f.From}, KeyFrom, "first order date, YYYY-MM-DD (default: the first day of data)")
	fs.Var(dateFlag{KeyTo, &f.To}, KeyTo, "last order date, YYYY-MM-DD (default: the last day of data)")
	for _, ff := range filterFields {
		switch ff.Kind {
		case FieldText:
			fs.Var(textList{ff.texts(f)}, ff.Key, "only this "+ff.Key+"; repeat or separate with commas for several")
		case FieldIDs:
			fs.Var(idList{ff.Key, ff.ids(f)}, ff.Key, "only this "+ff.Key+" id; repeat or separate with commas for several")
		default:
			fs.StringVar(ff.one(f), ff.Key, "", "only this "+ff.Key+" (all when empty)")
		}
	}
}

func formatID(id int64) string { return strconv.FormatInt(id, 10) }

func parseDate(key, s string) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return time.Time{}, fmt.Errorf("%w: %s %q is not a date (want YYYY-MM-DD)", ErrInvalidFilter, key, s)
	}
	return t, nil
}

func parseID(key, s string) (int64, error) {
	id, err := strconv.ParseInt(strings.TrimSpace(s), 10, 64)
	if err != nil || id < 0 {
		return 0, fmt.Errorf("%w: %s %q is not an id (want a whole number ≥ 0)", ErrInvalidFilter, key, s)
	}
	return id, nil
}

type dateFlag struct {
	key string
	t   *time.Time
}

func (d dateFlag) String() string {
	if d.t == nil || d.t.IsZero() {
		return ""
	}
	return d.t.Format(time.DateOnly)
}

func (d dateFlag) Set(s string) error {
	t, err := parseDate(d.key, s)
	if err == nil && t.IsZero() {
		err = fmt.Errorf("%w: %s is empty", ErrInvalidFilter, d.key)
	}
	if err != nil {
		return err
	}
	*d.t = t
	return nil
}

type textList struct{ vals *[]string }

func (l textList) String() string {
	if l.vals == nil {
		return ""
	}
	return strings.Join(*l.vals, ",")
}

func (l textList) Set(s string) error {
	for _, p := range strings.Split(s, ",") {
		*l.vals = append(*l.vals, strings.TrimSpace(p))
	}
	return nil
}

type idList struct {
	key  string
	vals *[]int64
}

func (l idList) String() string {
	if l.vals == nil {
		return ""
	}
	parts := make([]string, len(*l.vals))
	for i, id := range *l.vals {
		parts[i] = strconv.FormatInt(id, 10)
	}
	return strings.Join(parts, ",")
}

func (l idList) Set(s string) error {
	for _, p := range strings.Split(s, ",") {
		id, err := parseID(l.key, p)
		if err != nil {
			return err
		}
		*l.vals = append(*l.vals, id)
	}
	return nil
}

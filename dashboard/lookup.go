package dashboard

import (
	"cmp"
	"context"
	"errors"
	"flag"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"
)

// KeyPeriod is the flag name (and URL query key) of a date preset: -period
// last-quarter takes the words of [Preset].
const KeyPeriod = "period"

// maxNameMatches is how many matches a [NameError] lists.
const maxNameMatches = 10

// FilterFlags is a [Filter] bound to the command line as a person types it:
// -period takes a [Preset]'s words, -rep, -product and -customer take names
// as well as ids (-rep "Stephen Maldonado"), and text values any case
// (-region west). Names need the warehouse, so parsing the flags only reads
// them; [FilterFlags.Resolve], once the warehouse is open, turns them into the
// Filter, with errors naming the flag.
type FilterFlags struct {
	f      Filter
	period string
	// names are the values of an id flag that are not ids, by flag key.
	names map[string][]string
}

// Bind registers the filter's flags on fs, as [Filter.Bind] does, and -period;
// the id flags also take names.
func (ff *FilterFlags) Bind(fs *flag.FlagSet) {
	ff.f.Bind(fs)
	fs.StringVar(&ff.period, KeyPeriod, "", "a named date range instead of -from/-to: "+presetNames()+
		" (default: "+string(DefaultPreset)+", or all the data when it holds no complete year)")
	for _, field := range filterFields {
		if field.Kind != FieldIDs {
			continue
		}
		fl := fs.Lookup(field.Key)
		fl.Value = idOrName{key: field.Key, ids: field.ids(&ff.f), names: ff}
		fl.Usage = "only this " + field.Key + ", by id or name; repeat or separate with commas for several"
	}
}

// Check reports what is wrong with the flags without the data: a -period that
// is no preset or comes with -from or -to, and what [Filter.Check] finds.
func (ff *FilterFlags) Check() error {
	if ff.period != "" {
		if _, err := ParsePreset(ff.period); err != nil {
			return fmt.Errorf("%w: -period %q is not a period (valid: %s)", ErrInvalidFilter, ff.period, presetNames())
		}
		if !ff.f.From.IsZero() || !ff.f.To.IsZero() {
			return fmt.Errorf("%w: -period %s and -from/-to: give one or the other", ErrInvalidFilter, ff.period)
		}
	}
	for key, names := range ff.names {
		if n := len(names) + len(ff.f.Values()[key]); n > MaxListValues {
			return fmt.Errorf("%w: %s: %d values; at most %d", ErrInvalidFilter, key, n, MaxListValues)
		}
	}
	return ff.f.Check()
}

// Resolve returns the filter the flags name over d's data at now: -period's
// dates (or, without -period, -from and -to, the default range [DefaultRange]
// when neither is given), text values spelled as the data spells them, and
// names turned into ids. A name must be a whole name (ignoring case); one
// that is part of names, or the name of several, is a [NameError] listing them.
// Every problem is reported at once.
func (ff *FilterFlags) Resolve(ctx context.Context, d *Dashboard, now time.Time) (Filter, error) {
	if err := ff.Check(); err != nil {
		return Filter{}, err
	}
	cat, err := d.Catalog(ctx)
	if err != nil {
		return Filter{}, err
	}
	f := cat.Spell(ff.f)
	if f.From, f.To, err = ff.dates(cat, now); err != nil {
		return Filter{}, err
	}
	var problems []error
	for _, field := range filterFields {
		for _, name := range ff.names[field.Key] {
			id, err := lookupName(ctx, d, cat, field.Key, name)
			if err != nil {
				problems = append(problems, err)
				continue
			}
			*field.ids(&f) = append(*field.ids(&f), id)
		}
	}
	return f, errors.Join(problems...)
}

// dates returns the range the flags give: -period's, -from and -to, or the
// default.
func (ff *FilterFlags) dates(cat *Catalog, now time.Time) (time.Time, time.Time, error) {
	if ff.period == "" && (!ff.f.From.IsZero() || !ff.f.To.IsZero()) {
		return ff.f.From, ff.f.To, nil
	}
	if ff.period == "" {
		from, to, _ := DefaultRange(cat.First, cat.End(), now)
		return from, to, nil
	}
	p, err := ParsePreset(ff.period)
	if err != nil {
		return time.Time{}, time.Time{}, err
	}
	from, to, ok := p.Range(cat.First, cat.End(), now)
	if !ok {
		return time.Time{}, time.Time{}, fmt.Errorf("%w: -period %s: the data (%s to %s) holds no %s", ErrInvalidFilter, p,
			cat.First.Format(time.DateOnly), cat.End().Format(time.DateOnly), strings.ToLower(p.Label()))
	}
	return from, to, nil
}

// presetNames lists the presets' names for a message.
func presetNames() string {
	names := make([]string, 0, len(Presets()))
	for _, p := range Presets() {
		names = append(names, string(p))
	}
	return strings.Join(names, ", ")
}

// Spell returns f with each text value spelled as the catalog spells it,
// matched ignoring case ("west" is West; see [FilterField.Spell]); a value
// that matches nothing is kept, for the view to reject with the valid ones.
func (c *Catalog) Spell(f Filter) Filter {
	for _, field := range filterFields {
		switch field.Kind {
		case FieldText:
			vals := slices.Clone(*field.texts(&f))
			for i, v := range vals {
				vals[i] = field.Spell(c, v)
			}
			*field.texts(&f) = vals
		case FieldOne:
			if s := field.one(&f); *s != "" {
				*s = field.Spell(c, *s)
			}
		}
	}
	return f
}

// NameMatch is one rep, product or customer a name could mean.
type NameMatch struct {
	ID   int64
	Name string
	// About says which one it is: a rep's region, a product's category, a
	// customer's segment.
	About string
}

// NameError is a name given for an id flag that names no one, or more than
// one: a name shared, or a part of several names. Its message lists the
// matches one a line, with their ids. It is an [ErrInvalidFilter].
type NameError struct {
	// Key is the flag: rep, product or customer.
	Key  string
	Name string
	// Shared says the matches all have the whole name: only an id tells them
	// apart. Otherwise they are the names that contain Name.
	Shared bool
	// Matches are the first matches by name (at most 10), More how many
	// more there are.
	Matches []NameMatch
	More    int
}

// nameWidth is how much of a name an error's first line quotes: with a
// program's name before it, the line fits 80 columns whatever was typed.
const nameWidth = 20

// Error says what is wrong on its first line, lists the matches, a line each
// indented by two spaces, and then says what to give instead.
func (e *NameError) Error() string {
	name := clipName(e.Name)
	if len(e.Matches) == 0 {
		return fmt.Sprintf("-%s %q: no such %s", e.Key, name, e.Key)
	}
	var b strings.Builder
	if e.Shared {
		fmt.Fprintf(&b, "-%s %q: %d have that name:", e.Key, name, len(e.Matches)+e.More)
	} else {
		fmt.Fprintf(&b, "-%s %q: %d match:", e.Key, name, len(e.Matches)+e.More)
	}
	for _, m := range e.Matches {
		fmt.Fprintf(&b, "\n  %-6d %s", m.ID, m.Name)
		if m.About != "" {
			b.WriteString(" · " + m.About)
		}
	}
	if e.More > 0 {
		fmt.Fprintf(&b, "\n  … and %d more", e.More)
	}
	if e.Shared {
		b.WriteString("\ngive an id")
	} else {
		b.WriteString("\ngive a whole name or an id")
	}
	return b.String()
}

// clipName returns name cut to nameWidth characters, "…" marking a cut.
func clipName(name string) string {
	if r := []rune(name); len(r) > nameWidth {
		return string(r[:nameWidth-1]) + "…"
	}
	return name
}

// Is makes a NameError an [ErrInvalidFilter].
func (e *NameError) Is(target error) bool { return target == ErrInvalidFilter }

// lookupName returns the id of the one rep, product or customer (key) named
// name, ignoring case. A name several have, a part of names or no one's name
// is a [NameError] with the first matches and how many there are in all.
func lookupName(ctx context.Context, d *Dashboard, cat *Catalog, key, name string) (int64, error) {
	var (
		found []NameMatch
		total int
		exact bool
	)
	switch key {
	case KeyCustomer:
		cs, n, whole, err := d.customerMatches(ctx, name, maxNameMatches)
		if err != nil {
			return 0, err
		}
		for _, c := range cs {
			found = append(found, NameMatch{ID: c.ID, Name: c.Name, About: c.Segment})
		}
		total, exact = n, whole
	default:
		found, exact = catalogMatches(cat, key, name)
		total = len(found)
		found = found[:min(total, maxNameMatches)]
	}
	if exact && total == 1 {
		return found[0].ID, nil
	}
	return 0, &NameError{Key: key, Name: name, Shared: exact, Matches: found, More: total - len(found)}
}

// catalogMatches returns the reps or products (key) of the catalog whose name
// is name, ignoring case (exact), or else whose name contains it; by name,
// then id.
func catalogMatches(cat *Catalog, key, name string) (found []NameMatch, exact bool) {
	var all []NameMatch
	switch key {
	case KeyRep:
		for _, r := range cat.Reps {
			all = append(all, NameMatch{ID: r.ID, Name: r.Name, About: r.Region})
		}
	case KeyProduct:
		for _, p := range cat.Products {
			all = append(all, NameMatch{ID: p.ID, Name: p.Name, About: p.Category})
		}
	}
	lower := strings.ToLower(strings.TrimSpace(name))
	var whole, part []NameMatch
	for _, m := range all {
		switch n := strings.ToLower(m.Name); {
		case n == lower:
			whole = append(whole, m)
		case strings.Contains(n, lower):
			part = append(part, m)
		}
	}
	found, exact = whole, len(whole) > 0
	if !exact {
		found = part
	}
	slices.SortFunc(found, func(a, b NameMatch) int { return cmp.Or(cmp.Compare(a.Name, b.Name), cmp.Compare(a.ID, b.ID)) })
	return found, exact
}

// idOrName is the flag.Value of an id flag that also takes names: ids go into
// the filter, names wait in FilterFlags for Resolve.
type idOrName struct {
	key   string
	ids   *[]int64
	names *FilterFlags
}

func (v idOrName) String() string {
	if v.ids == nil {
		return ""
	}
	parts := make([]string, 0, len(*v.ids))
	for _, id := range *v.ids {
		parts = append(parts, formatID(id))
	}
	if v.names != nil {
		parts = append(parts, v.names.names[v.key]...)
	}
	return strings.Join(parts, ",")
}

func (v idOrName) Set(s string) error {
	for _, p := range strings.Split(s, ",") {
		p = strings.TrimSpace(p)
		switch id, err := strconv.ParseInt(p, 10, 64); {
		case p == "":
			return fmt.Errorf("%w: %s: an empty value", ErrInvalidFilter, v.key)
		case err == nil && id >= 0:
			*v.ids = append(*v.ids, id)
		case err == nil || strings.HasPrefix(p, "-"):
			return fmt.Errorf("%w: %s %q is not an id (want a whole number ≥ 0) or a name", ErrInvalidFilter, v.key, p)
		case len(p) > MaxValueBytes:
			return fmt.Errorf("%w: %s: a name of %d bytes; at most %d", ErrInvalidFilter, v.key, len(p), MaxValueBytes)
		default:
			if v.names.names == nil {
				v.names.names = map[string][]string{}
			}
			v.names.names[v.key] = append(v.names.names[v.key], p)
		}
	}
	return nil
}

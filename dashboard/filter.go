package dashboard

import (
	"fmt"
	"slices"
	"strings"
	"time"
)

// Filter narrows every view the same way. The zero Filter is the whole warehouse:
// every day of data, every region, category, segment, rep, product and channel.
// Lists mean "any of"; different fields combine with AND.
//
// A Filter round-trips losslessly through URL query values ([Filter.Values],
// [ParseValues]) and through command-line flags ([Filter.Bind], [Filter.Args]), so
// a web page can carry it in a link and a program on its command line.
type Filter struct {
	// From and To bound the order dates, inclusive. A zero From means the first
	// day of data; a zero To the last.
	From, To time.Time
	// Regions are sales regions (North, South, East, West).
	Regions []string
	// Categories are product categories (ELECTRONICS, SPORTS, …).
	Categories []string
	// Segments are customer segments (Enterprise, SMB, Consumer).
	Segments []string
	// Industries are customer industries.
	Industries []string
	// Reps, Products and Customers are ids.
	Reps, Products, Customers []int64
	// Channel is one sales channel (Online, Retail, Partner, Phone); empty means all.
	Channel string
}

// Bounds on a filter, so one request cannot make a huge statement or cache key:
// no list of the data needs more values, no name more bytes.
const (
	// MaxListValues is the most values one list of a Filter may hold.
	MaxListValues = 100
	// MaxValueBytes is the longest text value a Filter may hold.
	MaxValueBytes = 100
)

// Check reports what is wrong with f without looking at the data: a range that
// starts after it ends, dates with a time of day, empty list entries, lists or
// values over MaxListValues and MaxValueBytes.
func (f Filter) Check() error {
	if err := f.checkSizes(); err != nil {
		return err
	}
	if !f.From.IsZero() && !f.To.IsZero() && f.From.After(f.To) {
		return fmt.Errorf("%w: from %s is after to %s", ErrInvalidFilter, f.From.Format(time.DateOnly), f.To.Format(time.DateOnly))
	}
	for _, d := range []struct {
		name string
		t    time.Time
	}{{"from", f.From}, {"to", f.To}} {
		if !d.t.IsZero() && !d.t.Equal(day(d.t)) {
			return fmt.Errorf("%w: %s %s is not a date at midnight UTC", ErrInvalidFilter, d.name, d.t)
		}
	}
	for _, ff := range filterFields {
		if ff.Kind != FieldText {
			continue
		}
		for _, v := range *ff.texts(&f) {
			if strings.TrimSpace(v) == "" {
				return fmt.Errorf("%w: %s: an empty value", ErrInvalidFilter, ff.Key)
			}
		}
	}
	return nil
}

func (f Filter) checkSizes() error {
	for _, ff := range filterFields {
		if n := ff.count(&f); n > MaxListValues {
			return fmt.Errorf("%w: %s: %d values; at most %d", ErrInvalidFilter, ff.Key, n, MaxListValues)
		}
	}
	for _, ff := range filterFields {
		if ff.Kind == FieldIDs {
			continue
		}
		for _, v := range ff.Strings(f) {
			if len(v) > MaxValueBytes {
				return fmt.Errorf("%w: a value of %d bytes; at most %d", ErrInvalidFilter, len(v), MaxValueBytes)
			}
		}
	}
	return nil
}

// Canonical returns f with every list sorted and without repeats: two filters that
// select the same rows have the same canonical form (it keys the cache).
func (f Filter) Canonical() Filter {
	for _, ff := range filterFields {
		ff.canonical(&f)
	}
	return f
}

// Equal reports whether f and g are the same filter, list order included.
func (f Filter) Equal(g Filter) bool {
	if !f.From.Equal(g.From) || !f.To.Equal(g.To) {
		return false
	}
	for _, ff := range filterFields {
		if !ff.equal(&f, &g) {
			return false
		}
	}
	return true
}

// String renders f as its URL query, e.g. "from=2025-01-01&region=North".
func (f Filter) String() string { return f.Values().Encode() }

// WithRange returns f limited to [from, to].
func (f Filter) WithRange(from, to time.Time) Filter { f.From, f.To = from, to; return f }

// WithRegion returns f narrowed to one region: a region row's drill-down.
func (f Filter) WithRegion(r string) Filter { f.Regions = []string{r}; return f }

// WithCategory returns f narrowed to one category.
func (f Filter) WithCategory(c string) Filter { f.Categories = []string{c}; return f }

// WithSegment returns f narrowed to one customer segment.
func (f Filter) WithSegment(s string) Filter { f.Segments = []string{s}; return f }

// WithIndustry returns f narrowed to one industry.
func (f Filter) WithIndustry(s string) Filter { f.Industries = []string{s}; return f }

// WithRep returns f narrowed to one sales rep.
func (f Filter) WithRep(id int64) Filter { f.Reps = []int64{id}; return f }

// WithProduct returns f narrowed to one product.
func (f Filter) WithProduct(id int64) Filter { f.Products = []int64{id}; return f }

// WithCustomer returns f narrowed to one customer.
func (f Filter) WithCustomer(id int64) Filter { f.Customers = []int64{id}; return f }

func sortedSet[T interface{ ~string | ~int64 }](v []T) []T {
	if len(v) == 0 {
		return nil
	}
	out := slices.Clone(v)
	slices.Sort(out)
	return slices.Compact(out)
}

func day(t time.Time) time.Time {
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

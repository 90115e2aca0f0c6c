package web

import (
	"context"
	"html/template"
	"log/slog"
	"net/url"
	"time"
)

// Page is one page of the dashboard, served at /{Key}.
type Page struct {
	// Key is the path segment and the page's name in tile URLs: "executive".
	Key string
	// Label is the navigation text; Title the page heading.
	Label, Title string
	// Build computes the page's tiles for the query string. A bad filter is an
	// *Error with status 400, whose message the form shows.
	Build func(ctx context.Context, q url.Values) ([]Tile, error)
	// Plain pages have no filter form: their tiles do not follow a filter.
	Plain bool
}

// Field is one control of the filter form. Kind is "date", "select", "multi"
// (a list of check boxes), "search" (check boxes of the choices picked, and a
// search box that lists more from Config.Search), "period" (buttons that set
// the dates: each Option's Value is a preset's name) or "hidden" (its selected
// options ride along).
type Field struct {
	Name, Label, Kind string
	// Value is the current value of a date field; Min and Max bound it.
	Value, Min, Max string
	// Default is the value that means "no filter" (the data's first day for
	// "from"); the breadcrumbs leave it out and the script drops it from URLs.
	Default string
	Options []Option
}

// Option is one choice of a select or multi field.
type Option struct {
	Value, Label string
	Selected     bool
}

// None is what a picker shows with nothing picked: "All regions", or "Any
// customer" for a search among many.
func (f Field) None() string {
	if f.Kind == "search" {
		return "Any " + lowerFirst(f.Label)
	}
	return "All " + lowerFirst(f.Label)
}

// Summary is what a closed multi field shows: "All", the one choice, or "3 selected".
func (f Field) Summary() string {
	var picked []string
	for _, o := range f.Options {
		if o.Selected {
			picked = append(picked, o.Label)
		}
	}
	switch len(picked) {
	case 0:
		return f.None()
	case 1:
		return picked[0]
	default:
		return itoa(len(picked)) + " " + lowerFirst(f.Label)
	}
}

// Config is everything the server needs from the view API. Pages and Fields are
// required; a nil AsOf hides the freshness line, a nil Refresh refuses refreshes
// with 501, a nil Analyst makes the analyst page say it is not available.
type Config struct {
	Pages []Page
	// Fields returns the filter form for the query, current values selected.
	Fields func(ctx context.Context, q url.Values) ([]Field, error)
	// AsOf returns the data's freshness.
	AsOf func(ctx context.Context) (time.Time, error)
	// Refresh runs the pipeline's refresh.
	Refresh func(ctx context.Context) error
	// Search answers the search box of a "search" field (GET /pick/{field}?q=):
	// the matching choices, best first.
	Search func(ctx context.Context, field, text string) ([]Option, error)
	// Export returns a page's table, by table ID, as a CSV file for the query.
	Export func(ctx context.Context, page, table string, q url.Values) (File, error)
	// Analyst answers a question; nil while no analyst is configured.
	Analyst Analyst
	// Log receives errors with their causes; nil discards.
	Log *slog.Logger
	// CSRFKey signs form tokens; empty means a random key per process.
	CSRFKey []byte
	// Timeout bounds the work of one request; zero means 30 s.
	Timeout time.Duration
	// AllowedHosts are the names the server answers to, as a request's Host or a
	// form's Origin says them: "localhost" (any port) or "sales.example:8443"
	// (that port only). Empty means the loopback addresses (DefaultAllowedHosts).
	AllowedHosts []string
	// MaxAnswerBytes bounds what /analyst/stream sends for one answer; zero means
	// 4 MiB.
	MaxAnswerBytes int
}

// Analyst answers questions for the analyst page.
type Analyst interface {
	Ask(ctx context.Context, question string) (Answer, error)
}

// Answer is the analyst's reply: the sentence, the SQL it ran, the result (and
// its chart, for a time grain or a ranking) and follow-up questions; or a
// decline, which says why.
type Answer struct {
	Text      string
	SQL       string
	Args      []any // the values bound to SQL's placeholders, in order
	Table     *Table
	Chart     template.HTML
	FollowUps []string
	Declined  bool
	Reason    string
}

// File is a download: its name (which says what it holds, filter included)
// and its bytes.
type File struct {
	Name string
	Body []byte
}

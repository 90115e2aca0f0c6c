package service

import (
	"context"
	"fmt"
	"strings"

	"github.com/salesanalytics/salesanalytics/dashboard"
)

// Views are the dashboard views by name, in the order of the dashboard's pages.
var views = []string{"executive", "regional", "product", "reps", "customers"}

// Views returns the names of the dashboard views.
func Views() []string { return append([]string(nil), views...) }

// View is one dashboard view's tables for a filter, with what it covers.
type View struct {
	Meta   dashboard.Meta
	Tables []dashboard.Table
	// Value is the typed view (a dashboard.Executive, dashboard.Regional, …).
	Value dashboard.Exporter
}

// View computes the named view (executive, regional, product, reps or
// customers) for f, compared as c. An unknown name is an error listing the
// valid ones; a bad filter is a dashboard.ErrInvalidFilter.
func (s *Service) View(ctx context.Context, name string, f dashboard.Filter, c dashboard.Compare) (*View, error) {
	if err := f.Check(); err != nil {
		return nil, err
	}
	var (
		v   dashboard.Exporter
		m   dashboard.Meta
		err error
	)
	switch strings.ToLower(name) {
	case "executive":
		var x dashboard.Executive
		x, err = s.dash.Executive(ctx, f, dashboard.ExecutiveOptions{Compare: c})
		v, m = x, x.Meta
	case "regional":
		var x dashboard.Regional
		x, err = s.dash.Regional(ctx, f, dashboard.RegionalOptions{Compare: c})
		v, m = x, x.Meta
	case "product":
		var x dashboard.Product
		x, err = s.dash.Product(ctx, f, dashboard.ProductOptions{Compare: c})
		v, m = x, x.Meta
	case "reps":
		var x dashboard.Reps
		x, err = s.dash.Reps(ctx, f, dashboard.RepsOptions{Compare: c})
		v, m = x, x.Meta
	case "customers":
		var x dashboard.Customers
		x, err = s.dash.Customers(ctx, f, dashboard.CustomersOptions{Compare: c})
		v, m = x, x.Meta
	default:
		return nil, fmt.Errorf("%w %.40q (valid: %s)", ErrUnknownView, name, strings.Join(views, ", "))
	}
	if err != nil {
		return nil, err
	}
	return &View{Meta: m, Tables: v.Tables(), Value: v}, nil
}

// Dashboard returns the dashboard the views read, for what a program asks of
// it beside a view (a filter's names resolved to ids).
func (s *Service) Dashboard() *dashboard.Dashboard { return s.dash }

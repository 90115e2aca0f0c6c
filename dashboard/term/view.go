package term

import (
	"fmt"

	"github.com/salesanalytics/salesanalytics/dashboard"
)

// View writes any of the five views: v is a [dashboard.Executive],
// [dashboard.Regional], [dashboard.Product], [dashboard.Reps] (every rep
// listed) or [dashboard.Customers].
func (p *Page) View(v dashboard.Exporter) error {
	switch v := v.(type) {
	case dashboard.Executive:
		return p.Executive(v)
	case dashboard.Regional:
		return p.Regional(v)
	case dashboard.Product:
		return p.Product(v)
	case dashboard.Reps:
		return p.Reps(v, 0)
	case dashboard.Customers:
		return p.Customers(v)
	}
	return fmt.Errorf("term: %T is not a dashboard view", v)
}

package dashboard

import (
	"context"
	"fmt"

	"github.com/shopspring/decimal"
)

// RegionalOptions tune [Dashboard.Regional].
type RegionalOptions struct {
	// Compare is the comparison of each region's growth; empty means ComparePrevious.
	Compare Compare
	// Region, when set, adds that region's top reps and categories; when the
	// filter names exactly one region, that one is detailed.
	Region string
	// TopN is the length of the detail's lists; zero means the dashboard's TopN.
	TopN int
}

// Regional is the regional view: regions compared, a region × month trend and,
// for one region, its top reps and categories.
type Regional struct {
	Meta
	Regions []RegionRow   `json:"regions"`
	Trend   []RegionMonth `json:"trend"`
	Detail  *RegionDetail `json:"detail,omitempty"`
}

// RegionRow is one region over the period.
type RegionRow struct {
	Region    string              `json:"region"`
	Revenue   decimal.Decimal     `json:"revenue"`
	Share     decimal.NullDecimal `json:"share"`
	Growth    Change              `json:"growth"` // revenue against the comparison period
	Orders    int64               `json:"orders"`
	Customers int64               `json:"customers"`
	AOV       decimal.NullDecimal `json:"aov"`
	Drill     Filter              `json:"drill"`
}

// RegionMonth is one region in one month.
type RegionMonth struct {
	Region    string              `json:"region"`
	Month     MonthPoint          `json:"month"`
	Customers int64               `json:"customers"`
	AOV       decimal.NullDecimal `json:"aov"`
}

// RegionDetail is one region's top reps and categories, each with its share of
// the region's revenue and an Other row.
type RegionDetail struct {
	Region     string  `json:"region"`
	Reps       []Share `json:"reps"`
	Categories []Share `json:"categories"`
}

// The names of the regional view's tables.
const (
	TableRegionTrend      = "region_trend"
	TableRegionReps       = "region_reps"
	TableRegionCategories = "region_categories"
)

// Regional computes the regional view of f.
func (d *Dashboard) Regional(ctx context.Context, f Filter, o RegionalOptions) (Regional, error) {
	n, err := d.topN(o.TopN)
	if err != nil {
		return Regional{}, err
	}
	opts := fmt.Sprintf("%s/%d", o.Region, n)
	return run[Regional](ctx, d, "regional", opts, f, o.Compare, func(e *env, m *Meta) (*Regional, error) {
		v := &Regional{}
		p := m.Period
		region := o.Region
		if region == "" && len(f.Regions) == 1 {
			region = f.Regions[0]
		}
		if region != "" {
			if _, err := e.cat.resolve(Filter{Regions: []string{region}}); err != nil {
				return nil, err
			}
		}
		regions, src, err := e.run(byRevenue(withShare(compared(by(ask(f, p.From, p.To, "revenue", "orders", "customers", "aov"), "region"), m, "revenue"))))
		if err != nil {
			return nil, err
		}
		m.source(TableRegions, src)
		for i := range regions.rows {
			r := regions.str(i, "region")
			v.Regions = append(v.Regions, RegionRow{Region: r, Revenue: regions.dec(i, "revenue"), Share: regions.null(i, "revenue_share"),
				Growth: regions.change(i, "revenue"), Orders: regions.count(i, "orders"), Customers: regions.count(i, "customers"),
				AOV: regions.null(i, "aov"), Drill: f.WithRegion(r)})
		}

		trend, src, err := e.run(monthly(by(ask(f, p.From, p.To, "revenue", "orders", "units_sold", "customers", "aov"), "region")))
		if err != nil {
			return nil, err
		}
		m.source(TableRegionTrend, src)
		for i := range trend.rows {
			r := trend.str(i, "region")
			v.Trend = append(v.Trend, RegionMonth{Region: r, Month: trend.monthPoint(i, p, f.WithRegion(r), e.cat.bounds()),
				Customers: trend.count(i, "customers"), AOV: trend.null(i, "aov")})
		}

		if region != "" {
			rf := f.WithRegion(region)
			det := &RegionDetail{Region: region, Reps: []Share{}, Categories: []Share{}}
			reps, src, err := e.run(ranked(withShare(by(ask(rf, p.From, p.To, "revenue"), "rep_id")), n))
			if err != nil {
				return nil, err
			}
			m.source(TableRegionReps, src)
			for i := range reps.rows {
				id := reps.count(i, "rep_id")
				det.Reps = append(det.Reps, reps.share(i, fmt.Sprint(id), e.cat.Reps[id].Name, id, rf.WithRep(id), rf))
			}
			cats, src, err := e.run(ranked(withShare(by(ask(rf, p.From, p.To, "revenue"), "category")), n))
			if err != nil {
				return nil, err
			}
			m.source(TableRegionCategories, src)
			for i := range cats.rows {
				c := cats.str(i, "category")
				det.Categories = append(det.Categories, cats.share(i, c, c, 0, rf.WithCategory(c), rf))
			}
			v.Detail = det
		}
		return v, nil
	})
}

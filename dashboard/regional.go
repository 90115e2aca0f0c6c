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
		cur, src, err := e.aggregate(aggReq{dims: []dim{dimRegion}, measures: mRevenue | mOrders | mCustomers, f: f, from: p.From, to: p.To})
		if err != nil {
			return nil, err
		}
		m.source(TableRegions, src)
		base, err := e.baseRevenue(m, f, dimRegion)
		if err != nil {
			return nil, err
		}
		all := total(cur)
		for _, r := range sortByRevenue(cur, regionLabel) {
			row := RegionRow{Region: r.Region, Revenue: r.Revenue, Share: ratio(r.Revenue, all, 4), Orders: r.Orders,
				Customers: r.Customers, AOV: ratio(r.Revenue, decimal.NewFromInt(r.Orders), 2), Drill: f.WithRegion(r.Region)}
			if base != nil {
				row.Growth = changeOf(r.Revenue, valid(base[r.key()].Revenue)) // a region absent then had zero
			}
			v.Regions = append(v.Regions, row)
		}

		trend, src, err := e.aggregate(aggReq{dims: []dim{dimRegion, dimMonth}, measures: mRevenue | mOrders | mUnits | mCustomers, f: f, from: p.From, to: p.To})
		if err != nil {
			return nil, err
		}
		m.source(TableRegionTrend, src)
		for _, r := range sortByMonth(trend) {
			pt := monthPoints([]aggRow{r}, p, f.WithRegion(r.Region), e.cat.bounds())[0]
			v.Trend = append(v.Trend, RegionMonth{Region: r.Region, Month: pt, Customers: r.Customers, AOV: ratio(r.Revenue, decimal.NewFromInt(r.Orders), 2)})
		}

		if region != "" {
			rf := f.WithRegion(region)
			det := &RegionDetail{Region: region}
			reps, src, err := e.aggregate(aggReq{dims: []dim{dimRep}, measures: mRevenue, f: rf, from: p.From, to: p.To})
			if err != nil {
				return nil, err
			}
			m.source(TableRegionReps, src)
			det.Reps = shares(reps, n, idLabel, func(r aggRow) Filter { return rf.WithRep(r.ID) }, rf)
			cats, src, err := e.aggregate(aggReq{dims: []dim{dimCategory}, measures: mRevenue, f: rf, from: p.From, to: p.To})
			if err != nil {
				return nil, err
			}
			m.source(TableRegionCategories, src)
			det.Categories = shares(cats, n, categoryLabel, func(r aggRow) Filter { return rf.WithCategory(r.Category) }, rf)
			v.Detail = det
		}
		return v, nil
	})
}

func idLabel(r aggRow) (string, string, int64)       { return fmt.Sprint(r.ID), r.Name, r.ID }
func categoryLabel(r aggRow) (string, string, int64) { return r.Category, r.Category, 0 }

package offline

import "github.com/salesanalytics/salesanalytics/query"

// The analysis layers of package query a question can ask for: a ranking
// within each group, a change between two periods (and the groups that moved
// most), shares of the total, and averages per period.

// changeRank says how a question ranks the groups of a change: by how much
// they moved (the delta) or by how fast (the percent), most or least first.
type changeRank struct {
	byPct  bool
	bottom bool
	least  bool // bottom as the least growth ("grew the least"), not the biggest fall
	// every keeps every group that moved that way ("which categories
	// shrank": all whose change is below zero), most first, instead of the
	// one that moved most.
	every bool
	// fellLeast ranks, of the groups that fell, the smallest fall first
	// ("shrank the least", "the smallest decline"): not the biggest fall.
	fellLeast bool
}

// layered reports whether the intent needs query's analysis layers.
func (in *intent) layered() bool {
	return in.perGroup || in.change || len(in.shares) > 0 || in.perPeriod != ""
}

// addLayers sets the request's layers from the intent. req already holds the
// measures, groups, filters and, for a change, the later period.
func (in *intent) addLayers(req *query.Request) {
	metric := orDefault(in.orderBy, in.metrics[0])
	switch {
	case in.change && len(in.periods) == 1:
		p := in.periods[0]
		req.Dates = &query.DateFilter{Dimension: dateField, Range: query.Dates(p.from, p.to)}
		req.Compare = &query.Compare{To: query.ComparePrevious}
		req.Time = nil
		in.rankChange(req, metric)
	case in.change && len(in.periods) == 2:
		earlier, later := in.periods[0], in.periods[1]
		req.Dates = &query.DateFilter{Dimension: dateField, Range: query.Dates(later.from, later.to)}
		req.Compare = &query.Compare{To: query.CompareRange, Range: query.Dates(earlier.from, earlier.to)}
		req.Time = nil
		in.rankChange(req, metric)
	case in.perGroup:
		// "the best seller per category", "the best month per region" (the
		// time column ranked within each group)
		within := in.groupDims()
		req.Rank = &query.Rank{By: metric, Bottom: in.rank < 0, Within: within, Top: max(1, in.limit)}
		req.OrderBy = []query.Order{{Field: within[0]}, {Field: metric, Desc: in.rank > 0}}
		req.Limit = 0
	}
	for _, m := range in.shares {
		req.Shares = append(req.Shares, query.Share{Metric: m})
	}
	if in.perPeriod != "" {
		req.PerPeriod = &query.PerPeriod{Grain: query.Grain(in.perPeriod)}
		req.Time, req.OrderBy = nil, nil
		if len(req.Dimensions) == 0 {
			req.Limit = 0
		}
	}
}

// rankChange keeps the groups that moved most (or least) when the question
// asks which did: ranked by the change, or by its percent.
func (in *intent) rankChange(req *query.Request, metric string) {
	req.OrderBy = nil
	if in.moved == nil || len(in.dims) == 0 {
		return
	}
	by := metric + "_delta"
	if in.moved.byPct {
		by = metric + "_pct"
	}
	if in.moved.every {
		kept := query.Gt
		if in.moved.bottom {
			kept = query.Lt
		}
		req.Compare.Having = kept(by, 0)
		req.OrderBy = []query.Order{{Field: by, Desc: !in.moved.bottom}}
		return
	}
	if in.moved.fellLeast {
		// "shrank the least": of those that fell, the smallest fall first
		req.Compare.Having = query.Lt(by, 0)
	}
	req.Rank = &query.Rank{By: by, Bottom: in.moved.bottom, Top: max(1, in.limit)}
	if in.perGroup {
		// "which category grew the most in each region": ranked within each
		req.Rank.Within = in.groupDims()
		req.OrderBy = []query.Order{{Field: req.Rank.Within[0]}, {Field: by, Desc: !in.moved.bottom}}
	}
	req.Limit = 0
}

// everyMovedDecline is why "which categories shrank" cannot be answered as
// the list of those that did: a count of them ("how many categories shrank"),
// which the change's groups are not counted by, or a period with a part left
// out ("grew in 2025 but not in 2024"), which is not a change between two
// periods.
func everyMovedDecline(in *intent, howMany bool) *decline {
	what := plural(label(in.dims[0]))
	if howMany || in.countAll || in.countHit || in.countKept {
		return unsupported("I can list which %s moved that way, not count them: ask \"which %s shrank\" (or grew).", what, what)
	}
	for _, p := range in.periods {
		if len(p.without) > 0 {
			return unsupported("I read a change against a period with a part left out (%s), which I cannot compare: ask which %s grew from one period to another.", p.label, what)
		}
	}
	return nil
}

package datagen

import "time"

// The generator's vocabularies and default dates, each returned as a fresh
// value: a caller that changes what it got changes nothing for the next caller
// or for the data the generator makes.

// Segments lists the customer segments.
func Segments() []string { return append([]string(nil), vocSegments...) }

// Regions lists the sales regions.
func Regions() []string { return append([]string(nil), vocRegions...) }

// Categories lists the product categories.
func Categories() []string { return append([]string(nil), vocCategories...) }

// Industries lists the customer industries.
func Industries() []string { return append([]string(nil), vocIndustries...) }

// Statuses lists the order statuses.
func Statuses() []string { return append([]string(nil), vocStatuses...) }

// Channels lists the sales channels.
func Channels() []string { return append([]string(nil), vocChannels...) }

// DefaultStart returns the first default order date: 2024-01-01.
func DefaultStart() time.Time { return vocDefaultStart }

// DefaultEnd returns the last default order date: 2025-12-31.
func DefaultEnd() time.Time { return vocDefaultEnd }

// FutureDateFrom returns the first date a future-dated defect may carry: far enough
// ahead that "after today" holds for any real clock this century.
func FutureDateFrom() time.Time { return vocFutureDateFrom }

package service

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/salesanalytics/salesanalytics/analyst"
	"github.com/salesanalytics/salesanalytics/analyst/offline"
	"github.com/salesanalytics/salesanalytics/dashboard"
	"github.com/salesanalytics/salesanalytics/dialect"
	"github.com/salesanalytics/salesanalytics/query"
	"github.com/salesanalytics/salesanalytics/semantic"
	"github.com/salesanalytics/salesanalytics/warehouse"
)

// Config is what a Service reads.
type Config struct {
	// DB is the warehouse's database. Required.
	DB *sql.DB
	// Dialect is its SQL. Required.
	Dialect dialect.Dialect
	// Names are the warehouse's object names; empty fields take their defaults.
	Names warehouse.Names
	// Model is the semantic model; nil means the sales model over Names' marts.
	Model *semantic.Model
	// Analyst answers questions; nil means the offline analyst over Model.
	Analyst analyst.Analyst
	// Now is the clock relative dates resolve against. Nil means time.Now.
	Now func() time.Time
}

// Service answers the command's and the MCP server's requests over one
// warehouse. It is safe for concurrent use.
type Service struct {
	model    *semantic.Model
	db       *sql.DB
	compiler *query.Compiler
	dash     *dashboard.Dashboard
	analyst  analyst.Analyst
}

// New prepares a Service: the query compiler, the dashboard and, unless
// Config.Analyst is set, the offline analyst.
func New(ctx context.Context, c Config) (*Service, error) {
	if c.DB == nil {
		return nil, errors.New("service: no database")
	}
	if c.Now == nil {
		c.Now = time.Now
	}
	if c.Model == nil {
		n := c.Names.WithDefaults()
		c.Model = semantic.SalesModelFor(n.Database, n.Marts)
	}
	comp, err := query.New(c.Model, query.Options{Dialect: c.Dialect, Now: c.Now})
	if err != nil {
		return nil, err
	}
	d, err := dashboard.New(c.DB, c.Dialect, dashboard.Options{Names: c.Names, Cache: true})
	if err != nil {
		return nil, err
	}
	if c.Analyst == nil {
		if c.Analyst, err = offline.New(ctx, c.Model, c.DB, offline.Options{Dialect: c.Dialect, Now: c.Now}); err != nil {
			return nil, fmt.Errorf("offline analyst: %w", err)
		}
	}
	return &Service{model: c.Model, db: c.DB, compiler: comp, dash: d, analyst: c.Analyst}, nil
}

// Model returns the semantic model the service reads. Do not modify it.
func (s *Service) Model() *semantic.Model { return s.model }

// Compiler returns the query compiler (for Explain-like uses and tests).
func (s *Service) Compiler() *query.Compiler { return s.compiler }

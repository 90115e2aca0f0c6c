package connect

import (
	"context"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/salesanalytics/salesanalytics/analyst"
	"github.com/salesanalytics/salesanalytics/analyst/offline"
	"github.com/salesanalytics/salesanalytics/engine/snowflake/connection"
	"github.com/salesanalytics/salesanalytics/pipeline"
	"github.com/salesanalytics/salesanalytics/semantic"
)

// OpenAnalyst returns Cortex Analyst when the warehouse is Snowflake and its
// connection can call the REST API (key pair, OAuth or PAT) — or Cortex Agents
// over the sales semantic view when SALESANALYTICS_ANALYST=agent — else the
// offline analyst.
func OpenAnalyst(ctx context.Context, wh *Warehouse, wf Flags, forceOffline bool, errOut io.Writer) (analyst.Analyst, error) {
	db := wh.Engine().DB()
	snowflake := strings.EqualFold(wf.Engine, "snowflake")
	if snowflake && !forceOffline {
		a, err := cortex(wh, wf)
		if err == nil {
			return a, nil
		}
		fmt.Fprintln(errOut, "analyst: answering offline:", err)
	}
	now := time.Now
	if !snowflake {
		now = DemoNow // the embedded demo data is read as of 2026-01-01
	}
	return offline.New(ctx, semantic.SalesModel(), db, offline.Options{Dialect: wh.Engine().Dialect(), Now: now})
}

// cortex builds the Cortex Analyst client from the Snowflake connection, over the
// model staged by the set-up.
func cortex(wh *Warehouse, wf Flags) (analyst.Analyst, error) {
	conn, err := connection.Resolve(wf.Connection, connection.Options{})
	if err != nil {
		return nil, err
	}
	st, err := conn.Analyst()
	if err != nil {
		return nil, err
	}
	auth := analyst.ConnectionAuth(st)
	n := wh.Names()
	file := "@" + n.Database + "." + n.Semantic + ".SEMANTIC_MODELS/" + semantic.SalesModelFile
	runner, ok := wh.Engine().(analyst.ReadOnlyRunner)
	if !ok {
		return nil, fmt.Errorf("the %s engine cannot run analyst SQL read-only", wh.Engine().Dialect())
	}
	client := &analyst.Client{BaseURL: st.BaseURL, Auth: auth}
	exec := analyst.ExecOptions{Database: n.Database} // Snowflake: three-part names only in the warehouse's database
	if os.Getenv(AnalystEnv) == "agent" {
		view := os.Getenv(SemanticViewEnv)
		if view == "" {
			view = pipeline.SemanticViewRef(n) // the view set-up creates
		}
		return &analyst.Agent{Client: client, Base: analyst.AnalystAgent("sales_analyst", view, conn.Warehouse), Engine: runner, Exec: exec}, nil
	}
	return &analyst.Cortex{Client: client, Base: analyst.Request{SemanticModelFile: file}, Engine: runner, Exec: exec}, nil
}

// Environment variables that choose the analyst on a Snowflake warehouse.
const (
	// AnalystEnv set to "agent" asks Cortex Agents, with a Cortex Analyst tool
	// over the sales semantic view, instead of Cortex Analyst over the staged
	// model.
	AnalystEnv = "SALESANALYTICS_ANALYST"
	// SemanticViewEnv names the semantic view the agent's tool reads
	// (DB.SCHEMA.VIEW); by default the sales model's name in the warehouse's
	// semantic schema.
	SemanticViewEnv = "SALESANALYTICS_SEMANTIC_VIEW"
)

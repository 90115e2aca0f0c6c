package cli

import (
	"context"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/salesanalytics/salesanalytics/analyst"
	"github.com/salesanalytics/salesanalytics/analyst/offline"
	"github.com/salesanalytics/salesanalytics/engine/snowflake/connection"
	"github.com/salesanalytics/salesanalytics/semantic"
)

// OpenAnalyst returns Cortex Analyst when the warehouse is Snowflake and its
// connection can call the REST API (key pair, OAuth or PAT), else the offline
// analyst.
func OpenAnalyst(ctx context.Context, wh *Opened, wf WarehouseFlags, forceOffline bool, errOut io.Writer) (analyst.Analyst, error) {
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
func cortex(wh *Opened, wf WarehouseFlags) (analyst.Analyst, error) {
	conn, err := connection.Resolve(wf.Connection, connection.Options{})
	if err != nil {
		return nil, err
	}
	st, err := conn.Analyst()
	if err != nil {
		return nil, err
	}
	var auth analyst.Auth
	switch st.Kind {
	case connection.TokenKeyPairJWT:
		auth = &analyst.KeyPair{Account: st.Account, User: st.User, Key: st.PrivateKey}
	case connection.TokenOAuth:
		auth = analyst.OAuth(string(st.Token))
	default:
		auth = analyst.PAT(string(st.Token))
	}
	n := wh.Names()
	file := "@" + n.Database + "." + n.Semantic + ".SEMANTIC_MODELS/" + semantic.SalesModelFile
	runner, ok := wh.Engine().(analyst.ReadOnlyRunner)
	if !ok {
		return nil, fmt.Errorf("the %s engine cannot run analyst SQL read-only", wh.Engine().Dialect())
	}
	return &analyst.Cortex{Client: &analyst.Client{BaseURL: st.BaseURL, Auth: auth},
		Base: analyst.Request{SemanticModelFile: file}, Engine: runner,
		Exec: analyst.ExecOptions{Database: n.Database}}, nil // Snowflake: three-part names only in the warehouse's database
}

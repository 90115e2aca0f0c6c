package salesanalytics_test

import (
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"
	"unicode/utf8"

	"github.com/rogpeppe/go-internal/testscript"
)

// scriptCmds are the commands the program scripts add to testscript's:
//
//	hash FILE VAR          set $VAR to FILE's SHA-256
//	dashboard-start FILE   serve FILE with the dashboard on a free port ($DASHBOARD is its URL)
//	dashboard-stop         stop it as Ctrl-C does; it must exit 0
//	httpget PATH           GET $DASHBOARD/PATH: the body to stdout; fails unless 200
//	fits N FILE            no line of FILE (stdout: the last command's) is wider than N columns
//	asuser PROG ARGS...    run PROG as the user nobody (as root, through setpriv), so
//	                       permission bits bind it as they bind any other user
func scriptCmds() map[string]func(ts *testscript.TestScript, neg bool, args []string) {
	return map[string]func(ts *testscript.TestScript, neg bool, args []string){
		"hash":            cmdHash,
		"dashboard-start": cmdDashboardStart,
		"dashboard-stop":  cmdDashboardStop,
		"httpget":         cmdHTTPGet,
		"asuser":          cmdAsUser,
		"fits":            cmdFits,
	}
}

func cmdHash(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 2 {
		ts.Fatalf("usage: hash FILE VAR")
	}
	b, err := os.ReadFile(ts.MkAbs(args[0]))
	ts.Check(err)
	sum := sha256.Sum256(b)
	ts.Setenv(args[1], hex.EncodeToString(sum[:]))
}

// dashboards holds the running dashboard of each script.
var dashboards = map[*testscript.TestScript]*exec.Cmd{}

func cmdDashboardStart(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 1 {
		ts.Fatalf("usage: dashboard-start FILE")
	}
	bin, err := lookPath(ts, "dashboard")
	ts.Check(err)
	cmd := exec.Command(bin, "-addr", "127.0.0.1:0", "-db", ts.MkAbs(args[0]))
	cmd.Dir = ts.Getenv("WORK")
	cmd.Env = append(os.Environ(), "HOME="+ts.Getenv("HOME"), "XDG_CACHE_HOME="+ts.Getenv("XDG_CACHE_HOME"))
	out, err := cmd.StdoutPipe()
	ts.Check(err)
	cmd.Stderr = os.Stderr
	ts.Check(cmd.Start())
	dashboards[ts] = cmd
	ts.Defer(func() {
		if dashboards[ts] == cmd {
			cmd.Process.Kill()
			cmd.Wait()
			delete(dashboards, ts)
		}
	})
	line := make(chan string, 1)
	go func() {
		l, _ := bufio.NewReader(out).ReadString('\n')
		line <- l
		io.Copy(io.Discard, out)
	}()
	select {
	case l := <-line:
		f := strings.Fields(l)
		if len(f) < 3 || !strings.HasPrefix(f[2], "http://127.0.0.1:") {
			ts.Fatalf("dashboard printed %q", l)
		}
		ts.Setenv("DASHBOARD", strings.TrimSuffix(f[2], "/"))
	case <-time.After(2 * time.Minute):
		ts.Fatalf("the dashboard printed no URL")
	}
}

func cmdDashboardStop(ts *testscript.TestScript, neg bool, args []string) {
	cmd := dashboards[ts]
	if cmd == nil {
		ts.Fatalf("no dashboard running")
	}
	delete(dashboards, ts)
	ts.Check(cmd.Process.Signal(os.Interrupt))
	ts.Check(cmd.Wait())
}

func cmdHTTPGet(ts *testscript.TestScript, neg bool, args []string) {
	if len(args) != 1 {
		ts.Fatalf("usage: httpget PATH")
	}
	res, err := http.Get(ts.Getenv("DASHBOARD") + args[0])
	ts.Check(err)
	defer res.Body.Close()
	body, err := io.ReadAll(res.Body)
	ts.Check(err)
	ts.Stdout().Write(body)
	if ok := res.StatusCode == http.StatusOK; ok == neg {
		ts.Fatalf("GET %s: %s", args[0], res.Status)
	}
}

func cmdAsUser(ts *testscript.TestScript, neg bool, args []string) {
	if len(args) == 0 {
		ts.Fatalf("usage: asuser PROG ARGS...")
	}
	bin, err := lookPath(ts, args[0])
	ts.Check(err)
	argv := append([]string{bin}, args[1:]...)
	if os.Geteuid() == 0 {
		// nobody must be able to reach the program and the work directory
		for _, p := range []string{filepath.Dir(bin), ts.Getenv("WORK")} {
			traversable(ts, p)
		}
		argv = append([]string{"setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", "--"}, argv...)
	}
	cmd := exec.Command(argv[0], argv[1:]...)
	cmd.Dir = ts.Getenv("WORK")
	cmd.Env = []string{"PATH=" + ts.Getenv("PATH"), "HOME=/nonexistent", "NO_COLOR=1"}
	cmd.Stdout, cmd.Stderr = ts.Stdout(), ts.Stderr()
	err = cmd.Run()
	if (err == nil) == neg {
		ts.Fatalf("asuser %s: %v", strings.Join(args, " "), err)
	}
}

// lookPath finds prog on the script's PATH (where the programs were built).
func lookPath(ts *testscript.TestScript, prog string) (string, error) {
	for _, dir := range filepath.SplitList(ts.Getenv("PATH")) {
		p := filepath.Join(dir, prog)
		if fi, err := os.Stat(p); err == nil && fi.Mode().IsRegular() && fi.Mode()&0o111 != 0 {
			return p, nil
		}
	}
	return exec.LookPath(prog)
}

// traversable lets others search p's directories up to /tmp (the test's own
// temporary directories, made 0700).
func traversable(ts *testscript.TestScript, p string) {
	for d := p; d != "/" && d != os.TempDir(); d = filepath.Dir(d) {
		fi, err := os.Stat(d)
		ts.Check(err)
		if st, ok := fi.Sys().(*syscall.Stat_t); ok && st.Uid == 0 && fi.Mode().Perm()&0o001 == 0 {
			ts.Check(os.Chmod(d, fi.Mode().Perm()|0o011))
		}
	}
}

func cmdFits(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 2 {
		ts.Fatalf("usage: fits N FILE")
	}
	n, err := strconv.Atoi(args[0])
	ts.Check(err)
	for i, line := range strings.Split(ts.ReadFile(args[1]), "\n") {
		if w := utf8.RuneCountInString(line); w > n {
			ts.Fatalf("%s line %d is %d columns wide, more than %d: %q", args[1], i+1, w, n, line)
		}
	}
}

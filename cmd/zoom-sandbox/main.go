// Command zoom-sandbox runs the Zoom sandbox — a stateful emulator of the Zoom
// REST API subset used by terraform-provider-zoom — as a standalone HTTP server.
//
// Usage:
//
//	zoom-sandbox [-listen 127.0.0.1:8787] [-state FILE] [-profile free|pro|business|FILE.json]
//	             [-account-id ID] [-client-id ID] [-client-secret SECRET]
//	             [-rate-limits=true] [-latency 0s] [-token-lifetime 1h] [-ready-file PATH]
//	             [-admin-token TOKEN] [-tls-cert FILE -tls-key FILE]
//
// It prints one line with the base URL and the provider settings to use, then
// serves until SIGINT or SIGTERM. Bad flags or an unreadable/corrupt state file
// exit with status 2 and leave the file untouched.
//
// On a loopback address the admin endpoints (/_sandbox/) are open. On any
// other address the sandbox refuses to start without an admin token
// (-admin-token or ZOOM_SANDBOX_ADMIN_TOKEN), which those endpoints then
// demand as "Authorization: Bearer <token>". With -tls-cert and -tls-key it
// serves https, which the provider needs for any host but a loopback one.
package main

import (
	"context"
	"crypto/tls"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"
	"time"

	"github.com/zoom-terraform/terraform-provider-zoom/internal/sandbox"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// config is the parsed command line.
type config struct {
	listen     string
	statePath  string
	readyFile  string
	adminToken string
	tlsCert    string
	tlsKey     string
	profile    sandbox.Profile
	// explicit holds the profile-related flags given on the command line; with
	// an existing state file only those override the saved profile.
	explicit map[string]bool
	apply    func(*sandbox.Profile)
}

func parseFlags(args []string, stderr io.Writer) (*config, error) {
	def := sandbox.DefaultProfile()
	fs := flag.NewFlagSet("zoom-sandbox", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintf(stderr, "Usage: zoom-sandbox [flags]\n\nRuns the Zoom API sandbox (S2S OAuth at /oauth/token, REST API under /v2, admin under /_sandbox).\n\nFlags:\n")
		fs.PrintDefaults()
	}
	listen := fs.String("listen", "127.0.0.1:8787", "`address` to listen on (port 0 picks a free port)")
	statePath := fs.String("state", "", "JSON `file` to load the state from and save it to after each change (default: in memory only)")
	accountID := fs.String("account-id", def.AccountID, "S2S OAuth account `id` the token endpoint accepts")
	clientID := fs.String("client-id", def.ClientID, "S2S OAuth client `id`")
	clientSecret := fs.String("client-secret", def.ClientSecret, "S2S OAuth client `secret`")
	profileArg := fs.String("profile", sandbox.PlanBusiness, "account profile: a plan preset (free, pro, business) or a JSON profile `file`")
	rateLimits := fs.Bool("rate-limits", true, "enforce Zoom's per-category rate limits and send X-RateLimit-* headers")
	latency := fs.Duration("latency", 0, "latency injected into every /v2 and token request, e.g. 20ms")
	tokenLifetime := fs.Duration("token-lifetime", time.Hour, "access-token lifetime (expires_in), at least 1s")
	readyFile := fs.String("ready-file", "", "write the base URL to this `file` once listening")
	adminToken := fs.String("admin-token", "", "`token` the /_sandbox/ admin endpoints demand as \"Authorization: Bearer <token>\" "+
		"(at least 16 characters; default $"+sandbox.EnvAdminToken+", which keeps it out of the process list); "+
		"required to listen on an address that is not loopback")
	tlsCert := fs.String("tls-cert", "", "serve https with this PEM certificate `file` (with -tls-key)")
	tlsKey := fs.String("tls-key", "", "PEM private key `file` of -tls-cert")
	if err := fs.Parse(args); err != nil {
		return nil, err
	}
	if fs.NArg() > 0 {
		return nil, fmt.Errorf("unexpected arguments: %v", fs.Args())
	}
	if *latency < 0 {
		return nil, fmt.Errorf("-latency must not be negative")
	}
	if *tokenLifetime < time.Second {
		return nil, fmt.Errorf("-token-lifetime must be at least 1s")
	}
	if (*tlsCert == "") != (*tlsKey == "") {
		return nil, fmt.Errorf("-tls-cert and -tls-key go together: give both to serve https, or neither")
	}
	token := *adminToken
	if token == "" {
		token = os.Getenv(sandbox.EnvAdminToken)
	}
	if err := checkAdminToken(*listen, token); err != nil {
		return nil, err
	}

	var base sandbox.Profile
	switch *profileArg {
	case sandbox.PlanFree, sandbox.PlanPro, sandbox.PlanBusiness:
		base, _ = sandbox.PresetProfile(*profileArg)
	default:
		data, err := os.ReadFile(*profileArg)
		if err != nil {
			return nil, fmt.Errorf("-profile: %q is neither free, pro, business nor a readable file: %v", *profileArg, err)
		}
		base = sandbox.DefaultProfile()
		base.RateLimitsEnabled = true
		if err := json.Unmarshal(data, &base); err != nil {
			return nil, fmt.Errorf("-profile %s: invalid JSON: %v", *profileArg, err)
		}
	}

	explicit := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { explicit[f.Name] = true })
	apply := func(p *sandbox.Profile, all bool) {
		if all || explicit["account-id"] {
			p.AccountID = *accountID
		}
		if all || explicit["client-id"] {
			p.ClientID = *clientID
		}
		if all || explicit["client-secret"] {
			p.ClientSecret = *clientSecret
		}
		if all || explicit["rate-limits"] {
			p.RateLimitsEnabled = *rateLimits
		}
		if all || explicit["latency"] {
			p.LatencyMS = int(*latency / time.Millisecond)
		}
		if all || explicit["token-lifetime"] {
			p.TokenLifetimeSeconds = int(*tokenLifetime / time.Second)
		}
	}
	prof := base
	// A profile file keeps its own values unless a flag is given explicitly.
	fromFile := *profileArg != sandbox.PlanFree && *profileArg != sandbox.PlanPro && *profileArg != sandbox.PlanBusiness
	apply(&prof, !fromFile)
	if err := prof.Validate(); err != nil {
		return nil, fmt.Errorf("invalid profile: %v", err)
	}
	cfg := &config{
		listen:     *listen,
		statePath:  *statePath,
		readyFile:  *readyFile,
		adminToken: token,
		tlsCert:    *tlsCert,
		tlsKey:     *tlsKey,
		profile:    prof,
		explicit:   explicit,
	}
	cfg.apply = func(p *sandbox.Profile) {
		if explicit["profile"] {
			*p = prof
			return
		}
		apply(p, false)
	}
	return cfg, nil
}

// minAdminToken is the shortest admin token accepted.
const minAdminToken = 16

// checkAdminToken decides whether the sandbox may start: on an address that is not loopback the admin surface
// would let anyone who reaches it reset the account, change the profile, inject faults or revoke tokens, so an
// admin token is required there. A token, when given, must not be trivially guessable.
func checkAdminToken(listen, token string) error {
	if token != "" && len(token) < minAdminToken {
		return fmt.Errorf("the admin token (-admin-token or %s) must be at least %d characters, e.g. the output of "+
			"'openssl rand -hex 16'", sandbox.EnvAdminToken, minAdminToken)
	}
	if token == "" && !isLoopbackListen(listen) {
		return fmt.Errorf("refusing to listen on %s without an admin token: it is not a loopback address, so anyone "+
			"who can reach it could reset the account, change the profile, inject faults or revoke tokens through "+
			"/_sandbox/; give a token with -admin-token or %s (admin requests then send \"Authorization: Bearer "+
			"<token>\"), or listen on 127.0.0.1", listen, sandbox.EnvAdminToken)
	}
	return nil
}

// isLoopbackListen reports whether a listen address (host:port) binds to the loopback interface only. An empty
// host, 0.0.0.0 and :: listen on every interface; a host name other than localhost may resolve to anything.
func isLoopbackListen(addr string) bool {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return false
	}
	if strings.EqualFold(host, "localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

func run(args []string, stdout, stderr io.Writer) int {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	sigs := make(chan os.Signal, 1)
	signal.Notify(sigs, syscall.SIGINT, syscall.SIGTERM)
	defer signal.Stop(sigs)
	go func() {
		select {
		case sig := <-sigs:
			fmt.Fprintf(stderr, "zoom-sandbox: %v received, shutting down\n", sig)
			cancel()
		case <-ctx.Done():
		}
	}()
	return serve(ctx, args, stdout, stderr)
}

// serve runs the sandbox until ctx ends and returns the exit status.
func serve(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	cfg, err := parseFlags(args, stderr)
	if errors.Is(err, flag.ErrHelp) {
		return 0
	}
	if err != nil {
		fmt.Fprintf(stderr, "zoom-sandbox: %v\n", err)
		return 2
	}

	stateExists := false
	if cfg.statePath != "" {
		if _, err := os.Stat(cfg.statePath); err == nil {
			stateExists = true
		}
	}
	var tlsConfig *tls.Config
	if cfg.tlsCert != "" {
		cert, err := tls.LoadX509KeyPair(cfg.tlsCert, cfg.tlsKey)
		if err != nil {
			fmt.Fprintf(stderr, "zoom-sandbox: -tls-cert/-tls-key: %v\n", err)
			return 2
		}
		tlsConfig = &tls.Config{Certificates: []tls.Certificate{cert}, MinVersion: tls.VersionTLS12}
	}
	opts := sandbox.Options{StatePath: cfg.statePath, AdminToken: cfg.adminToken}
	if !stateExists {
		p := cfg.profile
		opts.Profile = &p
	}
	srv, err := sandbox.New(opts)
	if err != nil {
		fmt.Fprintf(stderr, "zoom-sandbox: %v\n", err)
		return 2
	}
	if stateExists && len(cfg.explicit) > 0 {
		var bad error
		srv.UpdateProfile(func(p *sandbox.Profile) {
			cfg.apply(p)
			bad = p.Validate()
		})
		if bad != nil {
			fmt.Fprintf(stderr, "zoom-sandbox: invalid profile: %v\n", bad)
			return 2
		}
	}

	ln, err := net.Listen("tcp", cfg.listen)
	if err != nil {
		fmt.Fprintf(stderr, "zoom-sandbox: listen %s: %v\n", cfg.listen, err)
		_ = srv.Close()
		return 2
	}
	base := "http://" + ln.Addr().String()
	if tlsConfig != nil {
		ln = tls.NewListener(ln, tlsConfig)
		base = "https://" + ln.Addr().String()
	} else if !isLoopbackListen(cfg.listen) {
		fmt.Fprintf(stderr, "zoom-sandbox: warning: serving plain http on %s, which is not a loopback address: "+
			"the admin token and the sandbox's credentials cross the network unencrypted, and the provider accepts "+
			"plain http only for a loopback host; give -tls-cert and -tls-key to serve https\n", cfg.listen)
	}
	p := srv.Profile()
	admin := "open"
	if cfg.adminToken != "" {
		admin = "need \"Authorization: Bearer <admin token>\""
	}
	fmt.Fprintf(stdout, "zoom-sandbox listening on %s — provider settings: api_url = %q, oauth_url = %q, account_id = %q, client_id = %q, client_secret = %q; admin endpoints (/_sandbox/) %s\n",
		base, base+"/v2", base+"/oauth/token", p.AccountID, p.ClientID, p.ClientSecret, admin)

	httpSrv := &http.Server{Handler: srv, ReadHeaderTimeout: 10 * time.Second}
	errc := make(chan error, 1)
	go func() { errc <- httpSrv.Serve(ln) }()

	if cfg.readyFile != "" {
		if err := writeReadyFile(cfg.readyFile, base); err != nil {
			fmt.Fprintf(stderr, "zoom-sandbox: -ready-file: %v\n", err)
			_ = httpSrv.Close()
			_ = srv.Close()
			return 2
		}
	}

	code := 0
	select {
	case <-ctx.Done():
	case err := <-errc:
		fmt.Fprintf(stderr, "zoom-sandbox: serve: %v\n", err)
		code = 1
	}
	// Release hanging requests first, then drain the others.
	closeErr := srv.Close()
	shutdownCtx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := httpSrv.Shutdown(shutdownCtx); err != nil {
		_ = httpSrv.Close()
	}
	if err := srv.Close(); err != nil || closeErr != nil {
		fmt.Fprintf(stderr, "zoom-sandbox: saving state: %v\n", errors.Join(closeErr, err))
		code = 1
	}
	return code
}

// writeReadyFile writes the base URL atomically so that a watcher never reads
// a partial line.
func writeReadyFile(path, base string) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".tmp-*")
	if err != nil {
		return err
	}
	if _, err := tmp.WriteString(base + "\n"); err != nil {
		_ = tmp.Close()
		_ = os.Remove(tmp.Name())
		return err
	}
	if err := tmp.Close(); err != nil {
		_ = os.Remove(tmp.Name())
		return err
	}
	return os.Rename(tmp.Name(), path)
}

package main

import (
	"bytes"
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"math/big"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/zoom-terraform/terraform-provider-zoom/internal/client"
	"github.com/zoom-terraform/terraform-provider-zoom/internal/sandbox"
)

const testAdminToken = "0123456789abcdef-test-admin"

func TestAdminTokenRequiredOffLoopback(t *testing.T) {
	for _, c := range []struct {
		listen   string
		loopback bool
	}{
		{"127.0.0.1:8787", true},
		{"127.9.9.9:0", true},
		{"[::1]:8787", true},
		{"localhost:8787", true},
		{":8787", false},
		{"0.0.0.0:8787", false},
		{"[::]:8787", false},
		{"192.168.1.20:8787", false},
		{"[fd00::1]:8787", false},
		{"sandbox.ci.example:8787", false},
		{"127.0.0.1", false}, // no port: not an address this function can vouch for
	} {
		err := checkAdminToken(c.listen, "")
		if c.loopback && err != nil {
			t.Errorf("%s without a token: %v, want allowed", c.listen, err)
		}
		if !c.loopback && (err == nil || !strings.Contains(err.Error(), "-admin-token") ||
			!strings.Contains(err.Error(), sandbox.EnvAdminToken) || !strings.Contains(err.Error(), "not a loopback address")) {
			t.Errorf("%s without a token: %v, want a refusal that says why and what to give", c.listen, err)
		}
		if err := checkAdminToken(c.listen, testAdminToken); err != nil {
			t.Errorf("%s with a token: %v", c.listen, err)
		}
	}
	if err := checkAdminToken("127.0.0.1:0", "short"); err == nil || !strings.Contains(err.Error(), "at least 16") {
		t.Errorf("short token: %v", err)
	}
}

func TestRunRefusesToListenOffLoopbackWithoutAdminToken(t *testing.T) {
	t.Setenv(sandbox.EnvAdminToken, "")
	// 192.0.2.1 (TEST-NET-1) is not configured here: had the check not refused, listening would fail differently.
	var out, errb bytes.Buffer
	if code := run([]string{"-listen", "192.0.2.1:8787"}, &out, &errb); code != 2 {
		t.Fatalf("exit %d, want 2", code)
	}
	if !strings.Contains(errb.String(), "without an admin token") {
		t.Fatalf("stderr %q does not say why", errb.String())
	}
	// The environment variable is the token too.
	t.Setenv(sandbox.EnvAdminToken, testAdminToken)
	cfg, err := parseFlags([]string{"-listen", "0.0.0.0:8787"}, &bytes.Buffer{})
	if err != nil || cfg.adminToken != testAdminToken {
		t.Fatalf("token from the environment: %+v, %v", cfg, err)
	}
	if _, err := parseFlags([]string{"-tls-cert", "cert.pem"}, &bytes.Buffer{}); err == nil || !strings.Contains(err.Error(), "-tls-key") {
		t.Fatalf("-tls-cert alone: %v", err)
	}
}

// TestServeTLSWithAdminToken runs the sandbox over https with a self-signed certificate on 127.0.0.1 and an admin
// token: the admin endpoints demand the token, and the provider's client reaches the API over https.
func TestServeTLSWithAdminToken(t *testing.T) {
	t.Setenv(sandbox.EnvAdminToken, testAdminToken)
	dir := t.TempDir()
	certFile, keyFile, pool := selfSignedCert(t, dir)
	ready := filepath.Join(dir, "ready")

	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan int, 1)
	var out, errb bytes.Buffer
	go func() {
		done <- serve(ctx, []string{"-listen", "127.0.0.1:0", "-tls-cert", certFile, "-tls-key", keyFile,
			"-ready-file", ready, "-rate-limits=false"}, &out, &errb)
	}()
	stopped := false
	stop := func() int {
		if stopped {
			return 0
		}
		stopped = true
		cancel()
		return <-done
	}
	t.Cleanup(func() { stop() })
	base := waitReady(t, ready, done)
	if !strings.HasPrefix(base, "https://127.0.0.1:") {
		t.Fatalf("base URL %q, want https", base)
	}

	hc := &http.Client{Transport: &http.Transport{TLSClientConfig: &tls.Config{RootCAs: pool}}}
	admin := func(auth string) int {
		req, _ := http.NewRequest(http.MethodGet, base+"/_sandbox/profile", nil)
		if auth != "" {
			req.Header.Set("Authorization", auth)
		}
		resp, err := hc.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		return resp.StatusCode
	}
	if s := admin(""); s != http.StatusUnauthorized {
		t.Errorf("admin without the token: HTTP %d, want 401", s)
	}
	if s := admin("Bearer " + testAdminToken); s != http.StatusOK {
		t.Errorf("admin with the token: HTTP %d, want 200", s)
	}

	p := sandbox.DefaultProfile()
	c, err := client.New(client.Config{
		APIURL: base + "/v2", OAuthURL: base + "/oauth/token",
		AccountID: p.AccountID, ClientID: p.ClientID, ClientSecret: p.ClientSecret,
		HTTPClient: hc, DisablePacing: true, MaxRetries: client.Ptr(0),
	})
	if err != nil {
		t.Fatal(err)
	}
	u, err := c.Users.Get(context.Background(), "me")
	if err != nil || u.Email != p.OwnerEmail {
		t.Fatalf("the client over https: %+v, %v", u, err)
	}
	// Plain http to the https port gets nowhere.
	if resp, err := http.Get("http://" + strings.TrimPrefix(base, "https://") + "/_sandbox/profile"); err == nil {
		resp.Body.Close()
		if resp.StatusCode == http.StatusOK {
			t.Error("plain http was served")
		}
	}

	if code := stop(); code != 0 {
		t.Fatalf("exit %d, stderr %s", code, errb.String())
	}
	if !strings.Contains(out.String(), "https://127.0.0.1:") || strings.Contains(out.String()+errb.String(), testAdminToken) {
		t.Errorf("stdout %q: want the https URL and never the admin token", out.String())
	}
}

func waitReady(t *testing.T, path string, done chan int) string {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for time.Now().Before(deadline) {
		if b, err := os.ReadFile(path); err == nil && len(bytes.TrimSpace(b)) > 0 {
			return strings.TrimSpace(string(b))
		}
		select {
		case code := <-done:
			t.Fatalf("the sandbox exited with %d before listening", code)
		case <-time.After(20 * time.Millisecond):
		}
	}
	t.Fatal("the sandbox did not write its ready file")
	return ""
}

// selfSignedCert writes a certificate for 127.0.0.1 and its key to dir and returns the file names and a pool that
// trusts the certificate.
func selfSignedCert(t *testing.T, dir string) (certFile, keyFile string, pool *x509.CertPool) {
	t.Helper()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	tmpl := &x509.Certificate{
		SerialNumber: big.NewInt(1),
		Subject:      pkix.Name{CommonName: "zoom-sandbox test"},
		IPAddresses:  []net.IP{net.IPv4(127, 0, 0, 1)},
		NotBefore:    time.Now().Add(-time.Hour),
		NotAfter:     time.Now().Add(time.Hour),
		KeyUsage:     x509.KeyUsageDigitalSignature,
		ExtKeyUsage:  []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		t.Fatal(err)
	}
	keyDER, err := x509.MarshalPKCS8PrivateKey(key)
	if err != nil {
		t.Fatal(err)
	}
	certFile, keyFile = filepath.Join(dir, "cert.pem"), filepath.Join(dir, "key.pem")
	if err := os.WriteFile(certFile, pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der}), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(keyFile, pem.EncodeToMemory(&pem.Block{Type: "PRIVATE KEY", Bytes: keyDER}), 0o600); err != nil {
		t.Fatal(err)
	}
	cert, err := x509.ParseCertificate(der)
	if err != nil {
		t.Fatal(err)
	}
	pool = x509.NewCertPool()
	pool.AddCert(cert)
	return certFile, keyFile, pool
}

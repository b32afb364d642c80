package client

import (
	"bytes"
	"context"
	"encoding/json"
	"net/url"
	"regexp"
	"strings"
)

// Logger receives the client's logs. The provider adapts it to tflog; fields
// never contain the Authorization header, and bodies are redacted first.
type Logger interface {
	// Debug logs one line per HTTP attempt and token fetch.
	Debug(ctx context.Context, msg string, fields map[string]any)
	// Trace logs redacted request and response bodies.
	Trace(ctx context.Context, msg string, fields map[string]any)
	// Warn logs retries, backoffs and rate limits.
	Warn(ctx context.Context, msg string, fields map[string]any)
}

// traceLevelReporter is implemented by a Logger that can tell that it drops
// Trace lines; the client then does not build them (redacting and copying
// bodies costs CPU on every request).
type traceLevelReporter interface {
	TraceEnabled() bool
}

// redacted replaces every secret value.
const redacted = "***"

// maxLoggedBody bounds a body logged at Trace.
const maxLoggedBody = 16 << 10

var sensitiveKeys = []string{
	"password",
	"access_token",
	"client_secret",
	"start_url",
	"join_url",
	"registration_url",
	"h323_password",
	"pstn_password",
	"encrypted_password",
	"zak",
	"token",
	"host_key",
}

var sensitiveQueryParams = []string{"pwd", "zak", "tk"}

var sensitiveKeySet = func() map[string]bool {
	m := make(map[string]bool, len(sensitiveKeys))
	for _, k := range sensitiveKeys {
		m[k] = true
	}
	return m
}()

// SensitiveKeys returns the JSON keys whose values Redact masks, so that the
// provider can register the same masks with tflog.
func SensitiveKeys() []string {
	return append([]string(nil), sensitiveKeys...)
}

// SensitiveQueryParams returns the URL query parameters (inside any URL
// string, e.g. a join_url's "pwd") whose values Redact masks.
func SensitiveQueryParams() []string {
	return append([]string(nil), sensitiveQueryParams...)
}

var (
	keyAlternation = strings.Join(sensitiveKeys, "|")
	// "key": "value" or "key": 123 in text that is not valid JSON (e.g. truncated).
	reJSONString = regexp.MustCompile(`(?i)("(?:` + keyAlternation + `)"\s*:\s*)"(?:[^"\\]|\\.)*"?`)
	reJSONOther  = regexp.MustCompile(`(?i)("(?:` + keyAlternation + `)"\s*:\s*)([^"\s,}\]][^,}\]\s]*)`)
	// key=value in form or query encodings.
	reFormPair = regexp.MustCompile(`(?i)(^|[?&\s;])((?:` + keyAlternation + `)=)[^&\s;"']*`)
	// pwd/zak/tk inside URLs.
	reURLParam = regexp.MustCompile(`(?i)([?&](?:pwd|zak|tk)=)[^&\s"'#<>\\]*`)
	// Bearer and Basic credentials.
	reAuthHeader = regexp.MustCompile(`(?i)\b(bearer|basic)(\s+)[A-Za-z0-9\-._~+/]+=*`)
)

// Redact masks secrets in a request or response body: the values of the JSON
// keys in SensitiveKeys (at any depth, case-insensitively), the pwd/zak/tk
// query parameters inside any URL string, and bearer/basic credentials. A
// body that is not valid JSON (truncated, form-encoded, HTML) is redacted
// by pattern. The result is for logs and error messages only.
func Redact(body []byte) []byte {
	if len(bytes.TrimSpace(body)) == 0 {
		return body
	}
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err == nil && !dec.More() {
		v = redactValue(v)
		var buf bytes.Buffer
		enc := json.NewEncoder(&buf)
		enc.SetEscapeHTML(false)
		if err := enc.Encode(v); err == nil {
			return bytes.TrimRight(buf.Bytes(), "\n")
		}
	}
	return redactText(body)
}

func redactValue(v any) any {
	switch t := v.(type) {
	case map[string]any:
		for k, val := range t {
			if sensitiveKeySet[strings.ToLower(k)] {
				t[k] = redacted
				continue
			}
			t[k] = redactValue(val)
		}
		return t
	case []any:
		for i := range t {
			t[i] = redactValue(t[i])
		}
		return t
	case string:
		return redactString(t)
	default:
		return v
	}
}

func redactString(s string) string {
	s = reURLParam.ReplaceAllString(s, "${1}"+redacted)
	return reAuthHeader.ReplaceAllString(s, "${1}${2}"+redacted)
}

func redactText(b []byte) []byte {
	b = reJSONString.ReplaceAll(b, []byte(`${1}"`+redacted+`"`))
	b = reJSONOther.ReplaceAll(b, []byte(`${1}"`+redacted+`"`))
	b = reFormPair.ReplaceAll(b, []byte("${1}${2}"+redacted))
	b = reURLParam.ReplaceAll(b, []byte("${1}"+redacted))
	return reAuthHeader.ReplaceAll(b, []byte("${1}${2}"+redacted))
}

// sanitizePath renders a request path with its query for logs and errors,
// masking sensitive query values.
func sanitizePath(path string, q url.Values) string {
	p := "/" + strings.TrimLeft(path, "/")
	if len(q) == 0 {
		return p
	}
	clean := make(url.Values, len(q))
	for k, vs := range q {
		lk := strings.ToLower(k)
		if sensitiveKeySet[lk] || lk == "pwd" || lk == "tk" {
			clean[k] = []string{redacted}
			continue
		}
		clean[k] = vs
	}
	return p + "?" + clean.Encode()
}

func (c *Client) logDebug(ctx context.Context, msg string, fields map[string]any) {
	if c.logger != nil {
		c.logger.Debug(ctx, msg, fields)
	}
}

func (c *Client) logWarn(ctx context.Context, msg string, fields map[string]any) {
	if c.logger != nil {
		c.logger.Warn(ctx, msg, fields)
	}
}

// logAttempt logs one HTTP exchange: a summary at Debug, bodies at Trace.
func (c *Client) logAttempt(ctx context.Context, method, path string, cat Category, n int, reqBody []byte, at attempt) {
	if c.logger == nil {
		return
	}
	fields := map[string]any{
		"method":      method,
		"path":        path,
		"category":    string(cat),
		"attempt":     n,
		"duration_ms": at.duration.Milliseconds(),
	}
	if at.err != nil {
		fields["error"] = at.err.Error()
	} else {
		fields["status"] = at.status
		for _, h := range []string{"X-RateLimit-Category", "X-RateLimit-Type", "X-RateLimit-Limit", "X-RateLimit-Remaining", "Retry-After"} {
			if v := at.header.Get(h); v != "" {
				fields[strings.ToLower(strings.ReplaceAll(h, "-", "_"))] = v
			}
		}
		if at.status >= 300 {
			var e struct {
				Code json.RawMessage `json:"code"`
			}
			if json.Unmarshal(at.body, &e) == nil {
				if code := parseCode(e.Code); code != 0 {
					fields["zoom_code"] = code
				}
			}
		}
	}
	c.logger.Debug(ctx, "zoom: API request", fields)

	if tl, ok := c.logger.(traceLevelReporter); ok && !tl.TraceEnabled() {
		return
	}
	trace := map[string]any{"method": method, "path": path, "attempt": n}
	if len(reqBody) > 0 {
		trace["request_body"] = loggedBody(reqBody)
	}
	if at.err == nil && len(at.body) > 0 {
		trace["response_body"] = loggedBody(at.body)
	}
	if len(trace) > 3 {
		c.logger.Trace(ctx, "zoom: API request bodies", trace)
	}
}

// loggedBody redacts a body and bounds its size for logs.
func loggedBody(b []byte) string {
	r := Redact(b)
	if len(r) > maxLoggedBody {
		return strings.ToValidUTF8(string(r[:maxLoggedBody]), "") + "…(truncated)"
	}
	return strings.ToValidUTF8(string(r), "?")
}

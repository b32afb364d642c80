package sandbox

import (
	"encoding/base64"
	"encoding/json"
	"net/http"
	"strings"
	"time"
)

// Token endpoint error bodies (docs/development/zoom-api.md#token-endpoint-errors). The account-id reason is the
// sandbox's wording; Zoom's real text is unconfirmed.
const (
	grantAccountCredentials = "account_credentials"
	reasonInvalidClient     = "Invalid client_id or client_secret"
	reasonUnsupportedGrant  = "unsupported grant type"
	reasonInvalidAccount    = "Invalid account_id"
	reasonMethodNotAllowed  = "Method Not Allowed"
)

// tokenEndpointDownHTML is the body of the token endpoint when the profile
// says it is down.
const tokenEndpointDownHTML = `<!DOCTYPE html>
<html><head><title>503 Service Temporarily Unavailable</title></head>
<body><center><h1>503 Service Temporarily Unavailable</h1></center><hr><center>zoom</center></body></html>
`

// accessToken is an issued bearer token. Tokens live in memory only.
type accessToken struct {
	clientID  string
	accountID string
	issued    time.Time
	expires   time.Time
	scopes    map[string]bool
}

// oauthError is the token endpoint's OAuth-style error body.
type oauthError struct {
	Reason string `json:"reason"`
	Error  string `json:"error"`
}

// tokenResponse is the token endpoint's success body.
type tokenResponse struct {
	AccessToken string `json:"access_token"`
	TokenType   string `json:"token_type"`
	ExpiresIn   int    `json:"expires_in"`
	Scope       string `json:"scope"`
	APIURL      string `json:"api_url"`
}

// handleToken serves POST /oauth/token (grant_type=account_credentials).
// grant_type and account_id are read from the form body or the query string;
// the client authenticates with HTTP Basic.
func (s *Server) handleToken(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodPost {
		writeOAuth(w, http.StatusMethodNotAllowed, oauthError{Reason: reasonMethodNotAllowed, Error: "invalid_request"})
		return
	}
	r.Body = http.MaxBytesReader(nil, r.Body, maxBodyBytes)
	_ = r.ParseForm() // a body that is not a form simply yields no values

	status, body := s.issueToken(r)
	if html, ok := body.(string); ok {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.WriteHeader(status)
		_, _ = w.Write([]byte(html))
		return
	}
	if status == http.StatusOK {
		w.Header().Set("Cache-Control", "no-store")
	}
	writeOAuth(w, status, body)
}

// issueToken validates a parsed token request and, if it is good, records a
// new token. It returns the status and body to send (a string body is HTML).
func (s *Server) issueToken(r *http.Request) (int, any) {
	s.mu.Lock()
	defer s.mu.Unlock()
	p := s.profile
	if p.TokenEndpointDown {
		return http.StatusServiceUnavailable, tokenEndpointDownHTML
	}
	id, secret, ok := r.BasicAuth()
	if !ok || p.Revoked || id != p.ClientID || secret != p.ClientSecret {
		return http.StatusBadRequest, oauthError{Reason: reasonInvalidClient, Error: "invalid_client"}
	}
	if r.Form.Get("grant_type") != grantAccountCredentials {
		return http.StatusBadRequest, oauthError{Reason: reasonUnsupportedGrant, Error: "unsupported_grant_type"}
	}
	if r.Form.Get("account_id") != p.AccountID {
		return http.StatusBadRequest, oauthError{Reason: reasonInvalidAccount, Error: "invalid_request"}
	}

	now := s.clock.now()
	lifetime := time.Duration(p.TokenLifetimeSeconds) * time.Second
	scopes := p.grantedScopeList(s.allScopes)
	tok := &accessToken{
		clientID:  p.ClientID,
		accountID: p.AccountID,
		issued:    now,
		expires:   now.Add(lifetime),
		scopes:    make(map[string]bool, len(scopes)),
	}
	for _, sc := range scopes {
		tok.scopes[sc] = true
	}
	if p.NewTokenRevokesOld {
		s.tokens = map[string]*accessToken{}
	}
	s.pruneTokensLocked(now)
	value := mintAccessToken(p, now, lifetime)
	s.tokens[value] = tok
	s.issuedTokens = append(s.issuedTokens, value)

	apiURL := p.APIURL
	if apiURL == "" {
		scheme := "http"
		if r.TLS != nil {
			scheme = "https"
		}
		apiURL = scheme + "://" + r.Host
	}
	return http.StatusOK, tokenResponse{
		AccessToken: value,
		TokenType:   "bearer",
		ExpiresIn:   p.TokenLifetimeSeconds,
		Scope:       strings.Join(scopes, " "),
		APIURL:      strings.TrimSuffix(apiURL, "/"),
	}
}

func writeOAuth(w http.ResponseWriter, status int, body any) {
	b, _ := json.Marshal(body)
	w.Header().Set("Content-Type", "application/json;charset=UTF-8")
	w.WriteHeader(status)
	_, _ = w.Write(b)
}

// mintAccessToken returns a JWT-shaped opaque token (header.payload.random);
// only its presence in the token table matters.
func mintAccessToken(p Profile, now time.Time, lifetime time.Duration) string {
	enc := base64.RawURLEncoding
	header := enc.EncodeToString([]byte(`{"alg":"HS512","v":"2.0","kid":"sandbox"}`))
	payload, _ := json.Marshal(map[string]any{
		"aud":  "https://oauth.zoom.us",
		"uid":  newZoomID(),
		"ver":  10,
		"auid": enc.EncodeToString(randomBytes(24)),
		"nbf":  now.Unix(),
		"code": newZoomID(),
		"iss":  "zm:cid:" + p.ClientID,
		"gno":  0,
		"exp":  now.Add(lifetime).Unix(),
		"type": 3,
		"iat":  now.Unix(),
		"aid":  p.AccountID,
		"jti":  newZoomID(),
	})
	return header + "." + enc.EncodeToString(payload) + "." + enc.EncodeToString(randomBytes(64))
}

// pruneTokensLocked forgets tokens that expired more than a day ago (younger
// expired tokens are kept so that they answer "Access token is expired.").
func (s *Server) pruneTokensLocked(now time.Time) {
	for k, t := range s.tokens {
		if now.Sub(t.expires) > 24*time.Hour {
			delete(s.tokens, k)
		}
	}
}

// authenticateLocked checks the bearer token of an API request.
func (s *Server) authenticateLocked(r *http.Request, now time.Time) (*accessToken, *apiResponse) {
	invalid := ptr(errResp(http.StatusUnauthorized, codeTokenInvalid, msgInvalidToken))
	h := r.Header.Get("Authorization")
	scheme, value, ok := strings.Cut(strings.TrimSpace(h), " ")
	if !ok || !strings.EqualFold(scheme, "Bearer") {
		return nil, invalid
	}
	tok := s.tokens[strings.TrimSpace(value)]
	p := s.profile
	if tok == nil || p.Revoked || tok.clientID != p.ClientID || tok.accountID != p.AccountID {
		return nil, invalid
	}
	if !now.Before(tok.expires) {
		return nil, ptr(errResp(http.StatusUnauthorized, codeTokenInvalid, msgExpiredToken))
	}
	return tok, nil
}

// checkScopesLocked answers 400 code 4711 when the token holds none of the
// route's accepted scopes.
func (s *Server) checkScopesLocked(tok *accessToken, rt *route) *apiResponse {
	if len(rt.macroScopes) == 0 && len(rt.granularScopes) == 0 {
		return nil
	}
	for _, sc := range rt.macroScopes {
		if tok.scopes[sc] {
			return nil
		}
	}
	for _, sc := range rt.granularScopes {
		if tok.scopes[sc] {
			return nil
		}
	}
	listed := rt.granularScopes
	if len(listed) == 0 {
		listed = rt.macroScopes
	}
	msg := "Invalid access token, does not contain scopes:[" + strings.Join(listed, ", ") + "]."
	return ptr(errResp(http.StatusBadRequest, codeScopeMissing, msg))
}

// IssuedTokens returns every access token the token endpoint has issued since the server started (expired and
// revoked ones included), so that tests can check that none of them leaks into logs.
func (s *Server) IssuedTokens() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]string(nil), s.issuedTokens...)
}

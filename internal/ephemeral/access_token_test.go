package ephemeral_test

import (
	"fmt"
	"slices"
	"time"

	tfjson "github.com/hashicorp/terraform-json"

	"github.com/zoom-terraform/terraform-provider-zoom/internal/acctest"
)

// checkCredentialsToken: zoom_access_token opened with Server-to-Server OAuth credentials returns a token the
// sandbox issued, which expires within the hour and appears in no state but the echo resource's, not even next
// to the zoom_meeting of the same configuration.
func checkCredentialsToken(env *acctest.Env, s *tfjson.State) error {
	data, err := echoed(s, "credentials")
	if err != nil {
		return err
	}
	token, _ := data["access_token"].(string)
	if token == "" {
		return fmt.Errorf("credentials: access_token is empty")
	}
	if !slices.Contains(env.Sandbox.IssuedTokens(), token) {
		return fmt.Errorf("credentials: access_token is not a token the sandbox issued")
	}
	now := env.Sandbox.Now()
	// Zoom tokens live an hour and the provider replaces its own five minutes before expiry.
	at, err := expiresAt(data, now.Add(32*time.Minute), 28*time.Minute)
	if err != nil {
		return fmt.Errorf("credentials: %v", err)
	}
	if !at.After(now) {
		return fmt.Errorf("credentials: expires_at %s is not in the future", at)
	}
	return notInZoomState(s, token)
}

// checkPreMintedToken: zoom_access_token of a provider configured with a pre-minted access_token returns it
// unchanged with an unknown (null) expiry.
func checkPreMintedToken(s *tfjson.State, token string) error {
	data, err := echoed(s, "pre_minted")
	if err != nil {
		return err
	}
	if got, _ := data["access_token"].(string); got != token {
		return fmt.Errorf("pre_minted: access_token is not the pre-minted token")
	}
	if v, ok := data["expires_at"]; !ok || v != nil {
		return fmt.Errorf("pre_minted: expires_at is %v, want null", v)
	}
	return nil
}

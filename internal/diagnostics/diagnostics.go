// Package diagnostics turns Zoom API client errors into Terraform diagnostics that tell the user what to do, and
// hands the provider's configured client to resources and data sources.
package diagnostics

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/diag"

	"github.com/zoom-terraform/terraform-provider-zoom/internal/client"
)

// AddAPIError appends an error diagnostic for err under summary (for example "Error creating Zoom user"). The
// detail explains the failure in the user's terms and what to change, followed by Zoom's own message.
func AddAPIError(diags *diag.Diagnostics, summary string, err error) {
	diags.AddError(summary, Explain(err))
}

// Explain renders err as actionable text.
func Explain(err error) string {
	var authErr *client.AuthError
	if errors.As(err, &authErr) {
		return fmt.Sprintf("Zoom did not issue an access token: %s\n\nCheck the provider's account_id, client_id "+
			"and client_secret (or ZOOM_ACCOUNT_ID, ZOOM_CLIENT_ID, ZOOM_CLIENT_SECRET) against the App Credentials "+
			"page of your Server-to-Server OAuth app, and that the app is activated.", authErr.Error())
	}
	if scopes, ok := client.IsScopeMissing(err); ok {
		return fmt.Sprintf("The Zoom app is missing an OAuth scope for this operation. Add one of these scopes "+
			"to your Server-to-Server OAuth app (Zoom App Marketplace > Manage > your app > Scopes), then run "+
			"Terraform again: %s.\n\nZoom said: %s", strings.Join(scopes, ", "), err.Error())
	}
	if reset, ok := client.IsDailyLimit(err); ok {
		return fmt.Sprintf("A Zoom daily limit was reached. It resets at %s (%s from now); nothing was changed "+
			"by this request, and other resources are not affected. Run apply again after the reset.\n\nZoom said: %s",
			reset.UTC().Format(time.RFC3339), time.Until(reset).Round(time.Minute), err.Error())
	}
	if client.IsUnauthorized(err) {
		return "Zoom rejected the access token. If you set access_token (ZOOM_ACCESS_TOKEN), it has expired or " +
			"was revoked: use client credentials instead so the provider can refresh it.\n\nZoom said: " + err.Error()
	}
	if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		return "The operation was cancelled or timed out before Zoom answered: " + err.Error()
	}
	return err.Error()
}

// Client extracts the provider's API client from the data a resource or data source receives in Configure.
// It returns nil without a diagnostic when the provider has not been configured yet (Terraform validates
// configurations before it configures providers).
func Client(providerData any, diags *diag.Diagnostics) *client.Client {
	if providerData == nil {
		return nil
	}
	c, ok := providerData.(*client.Client)
	if !ok {
		diags.AddError("Unexpected provider data",
			fmt.Sprintf("Expected *client.Client, got %T. This is a bug in the provider; please report it.", providerData))
		return nil
	}
	return c
}

// RequireClient reports an error when an operation needs the API but the provider could not be configured,
// which happens when a provider setting is unknown until apply.
func RequireClient(c *client.Client, diags *diag.Diagnostics) bool {
	if c != nil {
		return true
	}
	diags.AddError("Zoom provider not configured",
		"This operation needs the Zoom API, but the provider has no usable configuration yet: a provider setting "+
			"(for example account_id or client_secret) is unknown until apply, or the provider block is invalid. "+
			"Make the provider settings known at plan time, for example by applying the resources they come from first.")
	return false
}

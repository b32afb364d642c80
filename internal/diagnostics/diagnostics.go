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
	if fields, ok := client.IsTrackingFieldRequired(err); ok {
		return err.Error() + "\n\n" + explainRequiredTracking(fields)
	}
	return err.Error()
}

// explainRequiredTracking says what to do when Zoom refuses a meeting or webinar that lacks a value for a
// tracking field the account requires (fields are the labels Zoom named, if any).
func explainRequiredTracking(fields []string) string {
	which := "a tracking field that the account marks required"
	example := "<label>"
	if len(fields) > 0 {
		quoted := make([]string, len(fields))
		for i, f := range fields {
			quoted[i] = fmt.Sprintf("%q", f)
		}
		which = "the required tracking field " + strings.Join(quoted, ", ")
		if len(fields) > 1 {
			which = "the required tracking fields " + strings.Join(quoted, ", ")
		}
		example = fields[0]
	}
	return fmt.Sprintf("The Zoom account requires every meeting and webinar to carry a value for %s, and this "+
		"one lacks it. Add it to the resource's tracking_fields, e.g. tracking_fields = [{ field = %q, value = "+
		"\"...\" }] (refer to a managed field as zoom_tracking_field.<name>.field; data \"zoom_tracking_fields\" "+
		"lists the account's fields and their recommended values), or make the field optional (required = false "+
		"on its zoom_tracking_field, or in the Zoom web portal).", which, example)
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

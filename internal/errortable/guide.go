package errortable

import (
	"fmt"
	"sort"
	"strings"
)

//go:generate go run ./gen -out ../../templates/guides/troubleshooting.md.tmpl

// GuidePath is where the troubleshooting guide's tfplugindocs template lives, relative to the repository root.
const GuidePath = "templates/guides/troubleshooting.md.tmpl"

// verbs name, for the guide, the step of Terraform's work during which an operation is sent. Operations the
// client offers but no resource or data source sends (TestGuideOmitsOnlyUnsentOperations checks which) have no
// verb, and the guide leaves their rows out.
var verbs = map[string]string{
	"userCreate": "create", "user": "read", "userUpdate": "update", "userEmailUpdate": "update of email",
	"userStatus": "update of status", "userDelete": "destroy", "users": "read",
	"meetingCreate": "create", "meeting": "read", "meetingUpdate": "update", "meetingDelete": "destroy",
	"meetings": "read", "listMeetingTemplates": "read",
	"webinarCreate": "create", "webinar": "read", "webinarUpdate": "update", "webinarDelete": "destroy",
	"webinars": "read", "listWebinarTemplates": "read",
	"meetingRegistrantCreate": "create", "meetingRegistrantGet": "read", "meetingRegistrants": "read (list)",
	"meetingregistrantdelete": "destroy", "meetingRegistrantStatus": "update of status",
	"webinarRegistrantCreate": "create", "webinarRegistrantGet": "read", "webinarRegistrants": "read (list)",
	"deleteWebinarRegistrant": "destroy", "webinarRegistrantStatus": "update of status",
	"get_mail_vacation_response_setting": "read", "update_mailbox_vacation_response_setting": "create or update",
	"groups": "read (list)", "groupCreate": "create", "group": "read", "groupUpdate": "update", "groupDelete": "destroy",
	"groupMembers": "read (list)", "groupMembersCreate": "create or update", "groupMembersDelete": "update or destroy",
	"updateAGroupMember": "create or update of primary", "groupAdmins": "read (list)", "groupAdminsCreate": "create",
	"groupAdminsDelete": "destroy",
}

// unsent are the operations the client offers but the provider never sends, with the client method.
var unsent = map[string]string{
	"userEmail": "Users.EmailExists", "meetingStatus": "Meetings.UpdateStatus", "webinarStatus": "Webinars.End",
}

// verbOrder sorts a guide section's rows of one answer in the order Terraform works.
func verbOrder(v string) int {
	switch {
	case strings.HasPrefix(v, "create"):
		return 0
	case strings.HasPrefix(v, "read"):
		return 1
	case strings.HasPrefix(v, "update"):
		return 2
	}
	return 3
}

// Verb is the step of Terraform's work during which the operation is sent (for the guide).
func Verb(op string) string { return verbs[op] }

// Guide renders the troubleshooting guide (a tfplugindocs template) from the table.
func Guide() string {
	var b strings.Builder
	b.WriteString(`---
page_title: "Troubleshooting Zoom API errors"
subcategory: ""
description: |-
  Every error Zoom documents for the calls this provider makes, what it means and what to do.
---

<!-- Generated from internal/errortable by go generate ./internal/errortable; do not edit. -->

# Troubleshooting Zoom API errors

When Zoom refuses a request, the provider fails the operation with a diagnostic that quotes Zoom's answer, for
example:

` + "```" + `
Error: Error creating Zoom meeting

POST /users/jchill@example.com/meetings: HTTP 400, Zoom code 3161: Meeting hosting and scheduling capabilities
are not allowed for your user account.

The host jchill@example.com may not host meetings: ...
` + "```" + `

Find the resource or data source below, then the HTTP status and the Zoom code. **When** says what causes the
answer; **What to do** says how to fix the configuration or the account. Where the provider handles an answer
itself (an object deleted outside Terraform, a meeting that has already ended), the table says so: you will not see
an error for it.

Errors that do not depend on the resource are described first.

## Errors of every resource

| Error | When | What to do |
|-------|------|------------|
| Zoom did not issue an access token | The credentials are wrong, or the Server-to-Server OAuth app is not activated. | Check ` + "`account_id`, `client_id` and `client_secret`" + ` (or the ZOOM_* variables) against the app's App Credentials page, and activate the app. |
| Zoom code 4700 or 4711 (missing scope) | The app lacks an OAuth scope the operation needs. | Add one of the scopes the message lists to the app (Zoom App Marketplace > Manage > your app > Scopes). |
| HTTP 401, Zoom code 124 | The access token expired or was revoked. | With client credentials the provider fetches a new token by itself; with a fixed ` + "`access_token`" + `, switch to client credentials. |
| HTTP 429 | Too many requests per second (the provider waits and retries), or a daily limit. | For a daily limit, run apply again after the reset time the message gives; nothing was changed. |
| HTTP 5xx, time-outs, dropped connections | Zoom was briefly unavailable. | The provider retries requests that are safe to repeat. If the error persists after a create was interrupted, look for the object in the Zoom portal before applying again, and import it if it exists. |
`)
	byArea := map[string][]Row{}
	var areas []string
	for _, r := range Rows() {
		if r.Reach == Unreachable || Verb(r.Op) == "" {
			continue
		}
		a := Area(r.Op)
		if _, ok := byArea[a]; !ok {
			areas = append(areas, a)
		}
		byArea[a] = append(byArea[a], r)
	}
	sort.Slice(areas, func(i, j int) bool {
		// Resources before data sources, each alphabetically.
		di, dj := strings.Contains(areas[i], "data source"), strings.Contains(areas[j], "data source")
		if di != dj {
			return !di
		}
		return areas[i] < areas[j]
	})
	for _, a := range areas {
		rows := byArea[a]
		sort.SliceStable(rows, func(i, j int) bool {
			if rows[i].Status != rows[j].Status {
				return rows[i].Status < rows[j].Status
			}
			if rows[i].Code != rows[j].Code {
				return rows[i].Code < rows[j].Code
			}
			if vi, vj := verbOrder(Verb(rows[i].Op)), verbOrder(Verb(rows[j].Op)); vi != vj {
				return vi < vj
			}
			return rows[i].Op < rows[j].Op
		})
		fmt.Fprintf(&b, "\n## %s\n\n", a)
		b.WriteString("| HTTP | Zoom code | During | When | What to do |\n|------|-----------|--------|------|------------|\n")
		for _, r := range rows {
			fmt.Fprintf(&b, "| %d | %d | %s | %s | %s |\n", r.Status, r.Code, cell(Verb(r.Op)), cell(r.When), cell(r.Action))
		}
	}
	return b.String()
}

// cell makes text safe inside a Markdown table cell and inside a tfplugindocs (Go) template.
func cell(s string) string {
	s = strings.ReplaceAll(s, "|", "\\|")
	s = strings.ReplaceAll(s, "\n", " ")
	s = strings.ReplaceAll(s, "{{", "{ {")
	return s
}

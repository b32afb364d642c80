package errortable

// trig is the test that triggers, through the client against an in-process sandbox, every row marked sbx().
const trig = "internal/errortable.TestSandboxAnswersDocumentedErrors"

func r(op string, status, code int, when string) Row {
	return Row{Op: op, Status: status, Code: code, When: when, Handling: Diagnostic}
}

// diag: the operation fails; action says what to change; specific says whether the provider adds its own text.
func (x Row) diag(action string, specific bool) Row {
	x.Handling, x.Action, x.Specific = Diagnostic, action, specific
	return x
}

func (x Row) handled(h Handling, action string) Row {
	x.Handling, x.Action, x.Specific = h, action, true
	return x
}

func (x Row) sbx() Row { x.Reach, x.Test = Sandbox, trig; return x }

func (x Row) notModelled(why string) Row { x.Reach, x.Why = NotModelled, why; return x }

func (x Row) unreachable(why string) Row { x.Reach, x.Why = Unreachable, why; return x }

func (x Row) extra() Row { x.Extra = true; return x }

// as names the cause of a further row of an answer.
func (x Row) as(name string) Row { x.Case = name; return x }

// Further causes of validation answers (code 300): a time zone outside Zoom's list, refused at plan time.
func unlistedZone(op string) Row {
	return r(op, 400, 300, "timezone is not one of the time zones Zoom supports (Zoom accepts only its published list, "+
		"not every IANA name).").as("unlisted time zone").
		handled(PlanTime, "Use the supported zone the provider's plan-time error names.").sbx().
		tf(`Zoom accepts only the time zones of its list(.|\n)*use "Europe/Kiev"`)
}

// basicAltHost: an alternative host who is a user of the account without a licence.
func basicAltHost(op string) Row {
	return r(op, 400, 300, "An alternative host is a user of the account without a licence (a Basic user).").
		as("unlicensed alternative host").
		diag("Give the user a licence (type = 2) or remove them from settings.alternative_hosts; the provider's "+
			"error names them.", true).sbx().
		tf(`must be an active, licensed user(.|\n)*remove them`)
}

// semicolonAltHosts: webinars take alternative hosts comma-separated.
func semicolonAltHosts(op string) Row {
	return r(op, 400, 300, "settings.alternative_hosts separates the addresses with semicolons (webinars take commas, "+
		"meetings semicolons).").as("semicolon-separated alternative hosts").
		diag("Nothing to do in the configuration: the provider sends each endpoint the separator it documents.", false).sbx()
}

// tf says that the acceptance test tfTest meets the row through Terraform (for a PlanTime row: the provider
// refuses the configuration at plan time) and names the provider's message it checks.
func (x Row) tf(message string) Row { x.Terraform, x.Message = tfTest, message; return x }

// tfTest meets, through Terraform configurations against the sandbox, every row marked tf().
const tfTest = "internal/resources.TestAccErrorTable_providerMessages"

// Shared conditions and reasons.
const (
	oneAccount = "the sandbox models a single account; this answer needs a user or a meeting of another account"
	act1010    = "Use a host (user_id) that belongs to the account of your Server-to-Server OAuth app; objects of " +
		"another Zoom account cannot be managed with this app."
	s2sActsForAll = "the provider authenticates with an account-level Server-to-Server OAuth app, which may act for " +
		"every user of the account; Zoom gives this answer to user-level apps that act on another user's object"
	noOnPrem = "the sandbox has no on-premise (Meeting Connector) users"
	noPAC    = "the sandbox has no Personal Audio Conference meetings; the provider never creates one, and only an " +
		"imported PAC meeting could meet it"
	noRoles = "the sandbox grants the app every right of the account; the role of the app's creator, which limits " +
		"what a Server-to-Server OAuth app may do, is not modelled"
	noEvents = "the sandbox does not model Zoom Events, Zoom Phone, Zoom Rooms or call queues"
	noLicOps = "the sandbox does not count licences per subscription or plan; the account's seat limits are not modelled"
	when3161 = "The host may not host meetings or webinars: a user of type 4 (no meetings licence)."
	act3161  = "Choose a host who is an active Basic or Licensed user (not type 4, not pending), or give the " +
		"user a licence in the Zoom portal."
	hostGone = "The host (user_id) is not a user of the account, or was deleted."
	actHost  = "Check user_id: it must be the ID or e-mail of an existing, active user of the account."
	objGone  = "The object no longer exists in Zoom (deleted outside Terraform, or expired)."
	actGone  = "Nothing to do: the provider removes it from the state and the next apply creates it again " +
		"(destroy treats it as already deleted)."
	hostOfObjGone = "The host of the meeting or webinar no longer exists (the user was deleted)."
)

// meetingCommon are the rows many meeting and webinar operations share.
func notInAccount(op string) Row {
	return r(op, 400, 1010, "The host of the meeting, webinar or user_id belongs to another Zoom account.").
		diag(act1010, false).notModelled(oneAccount)
}

func notHost(op string) Row {
	return r(op, 400, 3003, "The app acts as a user who is not the host of the meeting or webinar.").
		diag("Use an account-level Server-to-Server OAuth app (the provider's only authentication).", false).
		unreachable(s2sActsForAll)
}

func cannotHost(op string) Row {
	x := r(op, 400, 3161, when3161).diag(act3161, op == "meetingCreate").sbx()
	if op == "meetingCreate" {
		x = x.tf(`may not host meetings`)
	}
	return x
}

var table = []Row{
	// ---- zoom_user: POST /users (userCreate)
	r("userCreate", 400, 200, "The account may not create users this way: a free account, or action custCreate/autoCreate "+
		"without the Zoom agreement or managed domain they need.").
		diag("Use action = \"create\" (an invitation) unless your account is entitled to custCreate (ISV agreement) "+
			"or autoCreate (managed domain); check the app's user:write:admin scope.", false).sbx(),
	r("userCreate", 400, 300, "A value is refused: the password does not meet the account's password rules, "+
		"plan_united_type is not a valid value, or the name contains a word Zoom blocks.").
		diag("Fix the value Zoom names: a password that meets the account's rules (autoCreate/custCreate), "+
			"a valid plan_united_type, or another first_name/last_name.", false).sbx(),
	r("userCreate", 400, 1000, "The user is a call-queue manager or auto-receptionist operator of Zoom Phone.").
		diag("Change the user's Zoom Phone roles in the portal first.", false).notModelled(noEvents),
	r("userCreate", 400, 1009, "The e-mail address already holds an active Zoom account outside this account.").
		diag("Ask the person to join your account from their existing Zoom account, or use another address.", false).
		notModelled("the sandbox holds a single account, so no address belongs to another Zoom account"),
	r("userCreate", 400, 1107, "The e-mail domain is blocked for the account.").
		diag("Use an address of a domain the account allows (Account settings > blocked domains).", false).
		notModelled("the sandbox has no list of blocked domains"),
	r("userCreate", 400, 1108, "The app's account lacks the privilege to give the requested user type.").
		diag("Ask an account owner to grant the role the change needs, or choose another type.", false).
		notModelled(noRoles),
	r("userCreate", 400, 1116, "The e-mail address is outside the domains the account is limited to.").
		diag("Use an address of one of the account's associated domains.", false).
		notModelled("the sandbox has no domain limits"),
	r("userCreate", 400, 2002, "action = \"ssoCreate\" on an account without single sign-on.").
		diag("Enable SSO for the account, or use action = \"create\".", false).
		notModelled("the sandbox answers ssoCreate without SSO with code 2032, the documented answer for the pre-provisioning option"),
	r("userCreate", 400, 2016, "The account may not add users (restricted by Zoom).").
		diag("Contact Zoom support; nothing in the configuration can change it.", false).
		notModelled("a Zoom-side restriction of the account, with no state the sandbox could hold"),
	r("userCreate", 400, 2032, "action = \"ssoCreate\" on an account without SSO pre-provisioning.").
		diag("Ask Zoom to enable SSO pre-provisioning, or use action = \"create\".", false).sbx(),
	r("userCreate", 400, 2033, "The account has reached its maximum number of Basic users.").
		diag("Remove Basic users (or pending invitations) you no longer need, or ask Zoom for a higher limit.", false).
		notModelled(noLicOps),
	r("userCreate", 400, 2034, "The account has no free licence of the requested user type.").
		diag("Buy licences, free one (change another user to Basic), or create the user as Basic (type = 1).", false).
		notModelled(noLicOps),
	r("userCreate", 400, 2035, "The account is a GPA account, which cannot add users.").
		diag("Manage users of a GPA account in the Zoom portal.", false).notModelled("the sandbox has no GPA accounts"),
	r("userCreate", 400, 2036, "The address is the owner of a GPA account.").
		diag("Use another address.", false).notModelled("the sandbox has no GPA accounts"),
	r("userCreate", 400, 2037, "Zoom forbids inviting this user.").
		diag("Use another address; contact Zoom support if the person must join.", false).
		notModelled("a Zoom-side block of a person, with no state the sandbox could hold"),
	r("userCreate", 400, 2038, "The subscription has no free Zoom One licence.").
		diag("Buy or free a Zoom One licence, or create the user without one.", false).notModelled(noLicOps),
	r("userCreate", 400, 3412, "The account (or subscription) has reached its limit of Basic or licensed users.").
		diag("Remove users or pending invitations you no longer need, or buy licences.", false).notModelled(noLicOps),
	r("userCreate", 400, 11321, "Zoom Trust & Safety blocks the e-mail domain.").
		diag("Use an address of another domain.", false).notModelled("a Zoom-side block with no state the sandbox could hold"),
	r("userCreate", 404, 1102, "A Zoom Phone feature was requested without a free Zoom Phone licence.").
		unreachable("the provider never sends Zoom Phone features when it creates a user"),
	r("userCreate", 404, 4130, "A group the request names does not exist.").
		unreachable("the provider does not assign groups when it creates a user"),
	r("userCreate", 409, 1005, "A user with this e-mail address already exists in the account.").
		diag("Import the existing user (terraform import <address> <email>) instead of creating it.", true).sbx().
		tf(`already exists in the account(.|\n)*terraform import`),

	// ---- zoom_user: GET /users/{userId} (user)
	r("user", 400, 1120, "The user was invited but never accepted, and the invitation expired; the user ID is no longer valid.").
		handled(Gone, "Nothing to do: the provider removes the user from the state; the next apply invites the person again.").
		notModelled("the sandbox does not expire invitations"),
	r("user", 404, 1001, "The user does not exist (deleted outside Terraform).").handled(Gone, actGone).sbx(),

	// ---- zoom_user: PATCH /users/{userId} (userUpdate)
	r("userUpdate", 400, 200, "The change is not allowed for this user: for example a PMI change for a user without a "+
		"meetings licence, or a Zoom Rooms user changed to a free type.").
		diag("Remove the refused attribute from the configuration, or change the user's licence first.", false).sbx(),
	r("userUpdate", 400, 300, "A value is refused: type together with plan_united_type, an invalid plan_united_type, "+
		"a word Zoom blocks in a name, or a Basic type for a user with upcoming Zoom Events.").
		diag("Fix the value Zoom names; change type and plan_united_type in separate applies.", false).sbx(),
	unlistedZone("userUpdate"),
	r("userUpdate", 400, 1108, "The app lacks the privilege to give the requested user type.").
		diag("Ask an account owner to grant the role the change needs.", false).
		notModelled(noRoles),
	r("userUpdate", 400, 1109, "The user is not a paid user, so a paid-only attribute cannot be set.").
		diag("Give the user a licence (type = 2) or remove the attribute.", false).notModelled(noLicOps),
	r("userUpdate", 400, 1120, "The user's invitation expired; the user ID is no longer valid.").
		handled(Gone, "Nothing to do: the provider removes the user from the state; the next apply invites the person again.").
		notModelled("the sandbox does not expire invitations"),
	r("userUpdate", 400, 2033, "The account has reached its maximum number of Basic users (a change to Basic).").
		diag("Remove Basic users you no longer need, or keep the current type.", false).notModelled(noLicOps),
	r("userUpdate", 400, 2034, "The account has no free licence of the requested type.").
		diag("Buy or free a licence, or keep the current type.", false).notModelled(noLicOps),
	r("userUpdate", 400, 2038, "The subscription has no free licence of the requested plan.").
		diag("Buy or free a licence, or keep the current plan.", false).notModelled(noLicOps),
	r("userUpdate", 400, 2039, "A Zoom United or Zoom One licence cannot be removed because no Basic licence is free.").
		diag("Free a Basic licence first.", false).notModelled(noLicOps),
	r("userUpdate", 400, 3412, "The account has reached its limit of Basic or licensed users (a change of type).").
		diag("Remove users you no longer need, or buy licences.", false).notModelled(noLicOps),
	r("userUpdate", 400, 4100, "The personal link name (vanity_name) is taken by another user of the account.").
		diag("Choose another vanity_name.", false).sbx(),
	r("userUpdate", 404, 1001, "The user does not exist (deleted outside Terraform).").
		diag("Run terraform plan: the refresh removes the user from the state and the apply creates it again.", false).sbx(),

	// ---- zoom_user: PUT /users/{userId}/email (userEmailUpdate)
	r("userEmailUpdate", 400, 200, "Only an account administrator may change an e-mail address.").
		diag("Create the Server-to-Server OAuth app as an account owner or administrator.", false).notModelled(noRoles),
	r("userEmailUpdate", 400, 1000, "An administrator's e-mail address cannot be changed by another administrator.").
		diag("Change an administrator's address in the Zoom portal as the account owner, or revert email in the configuration.", false).
		notModelled("the sandbox does not distinguish which administrator acts"),
	r("userEmailUpdate", 404, 1001, "The user does not exist (deleted outside Terraform).").
		diag("Run terraform plan: the refresh removes the user from the state and the apply creates it again.", false).sbx(),
	r("userEmailUpdate", 409, 1005, "Another user already has the new e-mail address.").
		diag("Choose an address no other user has.", false).sbx().extra(),

	// ---- zoom_user: PUT /users/{userId}/status (userStatus)
	r("userStatus", 400, 200, "The user is an administrator or a Zoom Rooms user, whose status cannot change.").
		diag("Remove status from the configuration of administrators (status can only be set for members).", false).sbx(),
	r("userStatus", 400, 300, "The user cannot be deactivated: upcoming Zoom Events, or the user is still pending.").
		diag("Wait until the user has accepted the invitation (or the events are over), then apply again; for a pending user the provider says so without asking Zoom.", true).sbx(),
	r("userStatus", 400, 2033, "Activating the Basic user would exceed the account's Basic user limit.").
		diag("Remove Basic users you no longer need, then apply again.", false).notModelled(noLicOps),
	r("userStatus", 400, 3412, "Activating the user would exceed the account's limit of that user type.").
		diag("Remove users you no longer need, or buy licences.", false).notModelled(noLicOps),
	r("userStatus", 404, 1001, "The user does not exist (deleted outside Terraform).").
		diag("Run terraform plan: the refresh removes the user from the state and the apply creates it again.", false).sbx(),

	// ---- zoom_user: DELETE /users/{userId} (userDelete)
	r("userDelete", 400, 200, "The user cannot be deleted: the account owner, a Zoom Rooms user, or a user of another account.").
		diag("Remove the user from the configuration with a removed block or terraform state rm instead of destroying it.", false).sbx(),
	r("userDelete", 400, 300, "The delete is refused: transfer_email is the user's own address, the user is a pending "+
		"user and action is delete, or Zoom Events data needs a transfer target.").
		diag("Fix delete_action or the transfer e-mail as Zoom says.", false).sbx(),
	r("userDelete", 400, 300, "delete_action = \"disassociate\" for a user created with action = \"custCreate\" (an API "+
		"user), which Zoom cannot unlink.").as("API user disassociated").
		handled(PlanTime, "Leave delete_action unset (the provider deletes API users) or set it to \"delete\"; the "+
			"provider refuses \"disassociate\" at plan time, also for an imported user whose login type shows an API user.").sbx().
		tf(`Zoom refuses this delete_action(.|\n)*Unable to unlink API user`),
	r("userDelete", 400, 1000, "The user is a call-queue manager or auto-receptionist operator of Zoom Phone.").
		diag("Change the user's Zoom Phone roles in the portal, then destroy again.", false).notModelled(noEvents),
	r("userDelete", 400, 1107, "delete_action = \"disassociate\" for a user of a managed domain (created with action = "+
		"\"autoCreate\"), which Zoom can only delete.").
		handled(PlanTime, "Leave delete_action unset (the provider deletes autoCreate users) or set it to \"delete\"; the "+
			"provider refuses \"disassociate\" for autoCreate users at plan time. An imported user of a managed domain "+
			"cannot be recognised before destroy: with delete_action unset, destroy deletes it and warns.").sbx().
		tf(`Zoom refuses this delete_action(.|\n)*managed domain`),
	r("userDelete", 400, 1117, "An administrator cannot be disassociated.").
		diag("Change the user's role to member first, or set delete_action = \"delete\".", false).sbx(),
	r("userDelete", 400, 1120, "The user's invitation expired; the user ID is no longer valid.").
		handled(Done, "Nothing to do: the invitation is gone, so destroy succeeds.").
		notModelled("the sandbox does not expire invitations"),
	r("userDelete", 404, 1001, "The user does not exist any more.").handled(Done, "Nothing to do: destroy treats it as already deleted.").sbx(),

	// ---- zoom_users data source: GET /users (users)
	r("users", 400, 124, "The access token is invalid or expired.").
		handled(Retry, "Nothing to do: the client fetches a new token and retries; with a fixed access_token, use client credentials instead.").
		notModelled("the sandbox answers an invalid token with HTTP 401 code 124 on every operation; the client renews " +
			"its token on either status (internal/client.TestReauthOnDocumentedBadRequest124 covers this one)"),
	r("users", 400, 300, "The page token of a listing is invalid or has expired (a listing took longer than 15 minutes).").
		diag("Run the command again; the listing starts over.", false).sbx(),
	r("users", 400, 2300, "The endpoint is not recognised (wrong API base URL).").
		diag("Check api_url (ZOOM_API_URL): it must end in /v2.", false).
		notModelled("the sandbox answers an unknown path with HTTP 404 code 2300, not 400"),

	// ---- zoom_user: GET /users/email (userEmail)
	r("userEmail", 400, 300, "The e-mail address is missing.").
		unreachable("no resource or data source sends this operation (only the client offers it), and the client " +
			"always sends an address"),
	r("userEmail", 404, 1001, "The user does not exist.").
		unreachable("no resource or data source sends this operation (only the client offers it); the sandbox " +
			"answers an unknown address with existed_email = false"),

	// ---- zoom_meeting: POST /users/{userId}/meetings (meetingCreate)
	r("meetingCreate", 400, 300, "A value is refused: schedule_for names a user the host may not schedule for, or "+
		"an alternative host is not a user of the account.").
		diag("Fix the value Zoom names: schedule_for must be a user who gave the host scheduling privilege; "+
			"alternative hosts must be users of the account.", false).sbx(),
	unlistedZone("meetingCreate"),
	basicAltHost("meetingCreate"),
	r("meetingCreate", 400, 3000, "The meeting cannot be created as configured: schedule_for on an instant meeting, "+
		"pre_schedule on an instant or fixed-time recurring meeting, or a blocked domain.").
		diag("Fix the attribute Zoom names: schedule_for and pre_schedule need a scheduled meeting (type 2).", false).sbx(),
	cannotHost("meetingCreate"),
	r("meetingCreate", 404, 1001, hostGone).diag(actHost, true).sbx().tf(`is not a user of this Zoom account`),

	// ---- zoom_meeting: GET /meetings/{meetingId} (meeting)
	notInAccount("meeting"),
	r("meeting", 400, 3000, "The meeting cannot be read: the ID is a webinar's, or the occurrence ID is invalid.").
		diag("Check the meeting ID (a webinar is managed with zoom_webinar).", false).sbx(),
	cannotHost("meeting"),
	r("meeting", 404, 1001, hostOfObjGone).handled(Gone, actGone).
		notModelled("the sandbox deletes a user's meetings with the user, so their IDs answer 3001"),
	r("meeting", 404, 3001, objGone).handled(Gone, actGone).sbx(),

	// ---- zoom_meeting: PATCH /meetings/{meetingId} (meetingUpdate)
	r("meetingUpdate", 300, 300, "The host reached Zoom's daily limit of meeting creates and updates, or "+
		"authentication domains are not separated by semicolons.").
		handled(Retry, "Run apply again after the limit resets (the error says when); other resources are not affected.").
		notModelled("the sandbox answers the per-host daily limit with HTTP 429, as Zoom was observed to; the client reads both as the daily limit"),
	r("meetingUpdate", 400, 300, "A value is refused: schedule_for is invalid, or an alternative host is not a user of the account.").
		diag("Fix the value Zoom names: schedule_for must be a user who gave the host scheduling privilege; "+
			"alternative hosts must be users of the account.", false).sbx(),
	unlistedZone("meetingUpdate"),
	basicAltHost("meetingUpdate"),
	notInAccount("meetingUpdate"),
	r("meetingUpdate", 400, 3000, "The meeting cannot be changed now: it is running, the occurrence ID is invalid, "+
		"or the change is not possible for its type.").
		diag("Apply the change after the meeting ends.", true).sbx().tf(`The meeting is running; apply the change after it ends`),
	notHost("meetingUpdate"),
	cannotHost("meetingUpdate"),
	r("meetingUpdate", 404, 1001, hostOfObjGone).diag("Run terraform plan: the refresh removes the meeting from the state.", true).
		notModelled("the sandbox deletes a user's meetings with the user, so their IDs answer 3001"),
	r("meetingUpdate", 404, 3001, objGone).diag("Run terraform plan again: the refresh removes the meeting from the state.", true).sbx(),

	// ---- zoom_meeting: DELETE /meetings/{meetingId} (meetingDelete)
	notInAccount("meetingDelete"),
	r("meetingDelete", 400, 3000, "The occurrence ID is invalid, or the meeting cannot be accessed.").
		diag("Check the occurrence; destroy the whole meeting instead.", false).sbx(),
	r("meetingDelete", 400, 3002, "The meeting is running.").
		diag("End the meeting (or wait for it to end) and run destroy again.", true).sbx().
		tf(`End the meeting \(or wait for it to end\) and run destroy again`),
	notHost("meetingDelete"),
	r("meetingDelete", 400, 3007, "The meeting has ended (Zoom keeps it as past meeting).").
		handled(Done, "Nothing to do: an ended meeting counts as destroyed.").sbx(),
	r("meetingDelete", 400, 3018, "The meeting is held on the host's Personal Meeting ID (settings.use_pmi = true, or a "+
		"PMI meeting made in the portal).").
		handled(PlanTime, "Remove settings.use_pmi (the provider refuses use_pmi = true at plan time and refuses to "+
			"import a meeting held on the PMI); a meeting that is on the PMI all the same cannot be destroyed: remove "+
			"it from the state with terraform state rm, as the provider's error says.").sbx().
		tf(`use_pmi = true cannot be managed(.|\n)*refuses to delete`),
	r("meetingDelete", 400, 3037, "The meeting is a Personal Audio Conference meeting.").
		diag("Remove it from the state (terraform state rm); Zoom does not delete PAC meetings.", false).notModelled(noPAC),
	cannotHost("meetingDelete"),
	r("meetingDelete", 404, 1001, hostOfObjGone).handled(Done, "Nothing to do: destroy treats it as already deleted.").
		notModelled("the sandbox deletes a user's meetings with the user, so their IDs answer 3001"),
	r("meetingDelete", 404, 3001, objGone).handled(Done, "Nothing to do: destroy treats it as already deleted.").sbx(),

	// ---- zoom_meeting: PUT /meetings/{meetingId}/status (meetingStatus)
	notInAccount("meetingStatus"),
	r("meetingStatus", 400, 3000, "The meeting cannot be accessed: the ID is a webinar's.").
		diag("Check the meeting ID (a webinar is managed with zoom_webinar).", false).sbx(),
	notHost("meetingStatus"),
	r("meetingStatus", 400, 3063, "The meeting belongs to an on-premise user and cannot be ended through the API.").
		diag("End it in the Zoom client.", false).notModelled(noOnPrem),
	cannotHost("meetingStatus"),
	r("meetingStatus", 404, 1001, hostOfObjGone).handled(Gone, actGone).
		notModelled("the sandbox deletes a user's meetings with the user, so their IDs answer 3001"),
	r("meetingStatus", 404, 3001, objGone).handled(Gone, actGone).sbx().extra(),

	// ---- zoom_meetings data source: GET /users/{userId}/meetings (meetings)
	cannotHost("meetings"),
	r("meetings", 404, 1001, hostGone).diag(actHost, true).sbx().tf(`Zoom user not found(.|\n)*no meetings to list`),

	// ---- zoom_meeting_templates data source: GET /users/{userId}/meeting_templates (listMeetingTemplates)
	cannotHost("listMeetingTemplates"),
	r("listMeetingTemplates", 404, 1001, hostGone).diag(actHost, true).sbx().tf(`Zoom user not found(.|\n)*no meeting templates`),

	// ---- zoom_webinar: POST /users/{userId}/webinars (webinarCreate)
	r("webinarCreate", 400, 200, "The account has no Webinar plan, or the host has no webinar licence.").
		diag("Add the Webinar plan to the account and assign the host a webinar licence (User Management > Users > the user > Webinar).", true).sbx().
		tf(`Webinar add-on is missing`),
	r("webinarCreate", 400, 300, "A value is refused: schedule_for is invalid, simulive is not enabled, the "+
		"recording does not exist, or the template ID is invalid.").
		diag("Fix the attribute Zoom names.", false).sbx(),
	unlistedZone("webinarCreate"),
	basicAltHost("webinarCreate"),
	semicolonAltHosts("webinarCreate"),
	r("webinarCreate", 404, 1001, hostGone).diag(actHost, true).sbx().tf(`is not a user of this Zoom account`),

	// ---- zoom_webinar: GET /webinars/{webinarId} (webinar)
	notInAccount("webinar"),
	r("webinar", 404, 1001, hostOfObjGone).handled(Gone, actGone).
		notModelled("the sandbox deletes a user's webinars with the user, so their IDs answer 3001"),
	r("webinar", 404, 3001, objGone).handled(Gone, actGone).sbx(),

	// ---- zoom_webinar: PATCH /webinars/{webinarId} (webinarUpdate)
	r("webinarUpdate", 400, 300, "A value is refused: schedule_for, the recurrence (end_times together with "+
		"end_date_time), or an alternative host that is not a user of the account.").diag("Fix the attribute Zoom names.", false).sbx(),
	unlistedZone("webinarUpdate"),
	basicAltHost("webinarUpdate"),
	semicolonAltHosts("webinarUpdate"),
	notInAccount("webinarUpdate"),
	r("webinarUpdate", 400, 3000, "The webinar cannot be changed now: it is running (or a started simulive webinar).").
		diag("Apply the change after the webinar ends.", true).sbx().tf(`The webinar is running; apply the change after it ends`),
	r("webinarUpdate", 400, 3003, "The app acts as a user who is not the host, or a panelist's domain is blocked.").
		diag("Unblock the domain in the account settings.", false).unreachable(s2sActsForAll),
	r("webinarUpdate", 404, 1001, hostOfObjGone).diag("Run terraform plan: the refresh removes the webinar from the state.", true).
		notModelled("the sandbox deletes a user's webinars with the user, so their IDs answer 3001"),
	r("webinarUpdate", 404, 3001, objGone).diag("Run terraform plan again: the refresh removes the webinar from the state.", true).sbx(),

	// ---- zoom_webinar: DELETE /webinars/{webinarId} (webinarDelete)
	notInAccount("webinarDelete"),
	r("webinarDelete", 400, 3002, "The webinar is running.").
		diag("End the webinar (or wait for it to end) and run destroy again.", true).sbx().
		tf(`End the webinar \(or wait for it to end\) and run destroy again`),
	notHost("webinarDelete"),
	r("webinarDelete", 400, 3007, "The webinar has ended.").handled(Done, "Nothing to do: an ended webinar counts as destroyed.").sbx(),
	r("webinarDelete", 400, 3018, "The webinar uses the host's Personal Meeting ID.").
		unreachable("webinars cannot use a Personal Meeting ID; the provider has no such setting for webinars"),
	r("webinarDelete", 400, 3037, "The webinar is a Personal Audio Conference.").
		unreachable("webinars cannot be Personal Audio Conferences"),
	r("webinarDelete", 404, 1001, hostOfObjGone).handled(Done, "Nothing to do: destroy treats it as already deleted.").
		notModelled("the sandbox deletes a user's webinars with the user, so their IDs answer 3001"),
	r("webinarDelete", 404, 3001, objGone).handled(Done, "Nothing to do: destroy treats it as already deleted.").sbx(),

	// ---- zoom_webinar: PUT /webinars/{webinarId}/status (webinarStatus)
	notInAccount("webinarStatus"),
	notHost("webinarStatus"),
	r("webinarStatus", 400, 3063, "The webinar belongs to an on-premise user.").diag("End it in the Zoom client.", false).notModelled(noOnPrem),
	r("webinarStatus", 404, 1001, hostOfObjGone).handled(Gone, actGone).
		notModelled("the sandbox deletes a user's webinars with the user, so their IDs answer 3001"),
	r("webinarStatus", 404, 3001, objGone).handled(Gone, actGone).sbx(),

	// ---- zoom_webinars data source: GET /users/{userId}/webinars (webinars)
	r("webinars", 404, 1001, hostGone).diag(actHost, true).sbx().tf(`Zoom user not found(.|\n)*no webinars to list`),

	// ---- zoom_webinar_templates data source: GET /users/{userId}/webinar_templates (listWebinarTemplates)
	r("listWebinarTemplates", 400, 200, "The account has no Webinar plan, or the user has no webinar licence.").
		diag("Add the Webinar plan and assign the user a webinar licence.", false).sbx(),
	r("listWebinarTemplates", 400, 1001, hostGone).diag(actHost, true).sbx().tf(`Zoom user not found(.|\n)*no webinar templates`),

	// ---- zoom_meeting_registrant: POST /meetings/{meetingId}/registrants (meetingRegistrantCreate)
	r("meetingRegistrantCreate", 300, 300, "The meeting does not exist, has expired, or does not require registration.").
		diag("Set settings.approval_type to 0 or 1 on the meeting (registration required) before adding registrants.", true).
		notModelled("the sandbox answers these conditions with HTTP 404 code 404 (no registration) and HTTP 404 code 3001 " +
			"(no meeting), rows of their own; the provider explains both"),
	r("meetingRegistrantCreate", 400, 1010, "The meeting's host belongs to another Zoom account.").diag(act1010, false).notModelled(oneAccount),
	r("meetingRegistrantCreate", 400, 3000, "The registrant cannot be added: already registered, or the meeting cannot be accessed.").
		diag("Import the existing registration, or use another e-mail.", false).sbx(),
	notHost("meetingRegistrantCreate"),
	r("meetingRegistrantCreate", 400, 3043, "The meeting is full (maximum attendee capacity).").
		diag("Raise the meeting's capacity (a larger licence) or remove registrants.", false).sbx(),
	cannotHost("meetingRegistrantCreate"),
	r("meetingRegistrantCreate", 404, 1001, hostOfObjGone).diag("Run terraform plan: the meeting's host was deleted.", false).
		notModelled("the sandbox deletes a user's meetings with the user, so their IDs answer 3001"),

	// ---- GET /meetings/{meetingId}/registrants/{registrantId} (meetingRegistantGet)
	r("meetingRegistrantGet", 300, 300, "The meeting does not exist, has expired, or no longer requires registration.").
		handled(Gone, actGone).notModelled("the sandbox answers these conditions with HTTP 400 code 300 (no registration) and " +
		"HTTP 404 code 3001 (no meeting), rows of their own, handled alike"),
	r("meetingRegistrantGet", 400, 1010, "The meeting's host belongs to another Zoom account.").diag(act1010, false).notModelled(oneAccount),
	r("meetingRegistrantGet", 400, 3000, "The registrant or the meeting cannot be found or accessed.").handled(Gone, actGone).sbx(),
	notHost("meetingRegistrantGet"),
	cannotHost("meetingRegistrantGet"),
	r("meetingRegistrantGet", 404, 1001, hostOfObjGone).handled(Gone, actGone).
		notModelled("the sandbox deletes a user's meetings with the user, so their IDs answer 3001"),

	// ---- GET /meetings/{meetingId}/registrants (meetingRegistrants)
	r("meetingRegistrants", 300, 300, "The meeting does not exist, has expired, or does not require registration.").
		handled(Gone, actGone).notModelled("the sandbox answers these conditions with HTTP 400 code 300 (no registration) and " +
		"HTTP 404 code 3001 (no meeting), rows of their own, handled alike"),
	r("meetingRegistrants", 400, 1010, "The meeting's host belongs to another Zoom account.").diag(act1010, false).notModelled(oneAccount),
	r("meetingRegistrants", 400, 3000, "The meeting cannot be accessed (the ID is a webinar's).").diag("Check the meeting ID.", false).sbx(),
	notHost("meetingRegistrants"),
	cannotHost("meetingRegistrants"),
	r("meetingRegistrants", 404, 1001, hostOfObjGone).handled(Gone, actGone).
		notModelled("the sandbox deletes a user's meetings with the user, so their IDs answer 3001"),

	// ---- DELETE /meetings/{meetingId}/registrants/{registrantId} (meetingregistrantdelete)
	r("meetingregistrantdelete", 400, 200, "The host is not a paid user.").
		diag("Registration needs a licensed host; change the meeting's host or licence.", false).notModelled(noLicOps),
	r("meetingregistrantdelete", 400, 300, "The registrant ID is invalid (a mistyped import ID).").
		diag("Import registrants as <meeting_id>/<registrant_id> with the ID Zoom gave the registrant.", false).sbx(),
	r("meetingregistrantdelete", 400, 404, "Registration is no longer enabled for the meeting.").
		handled(Done, "Nothing to do: without registration the registrant is gone, so destroy succeeds.").sbx(),
	r("meetingregistrantdelete", 400, 1001, hostOfObjGone).handled(Done, "Nothing to do: destroy succeeds.").
		notModelled("the sandbox deletes a user's meetings with the user, so their IDs answer 3001"),
	r("meetingregistrantdelete", 400, 3000, "The registrant was not found (already deleted), or the ID is a webinar's.").
		handled(Done, "Nothing to do: destroy treats it as already deleted.").sbx(),
	r("meetingregistrantdelete", 400, 3001, "The meeting does not exist any more.").
		handled(Done, "Nothing to do: destroy treats it as already deleted.").
		notModelled("the sandbox answers a deleted meeting here with HTTP 404 code 3001, a row of its own"),
	cannotHost("meetingregistrantdelete"),

	// ---- PUT /meetings/{meetingId}/registrants/status (meetingRegistrantStatus)
	r("meetingRegistrantStatus", 300, 300, "The meeting does not require registration.").
		diag("Set settings.approval_type to 0 or 1 on the meeting.", false).
		notModelled("the sandbox answers this condition with HTTP 400 code 300, a row of its own"),
	r("meetingRegistrantStatus", 400, 1010, "The meeting's host belongs to another Zoom account.").diag(act1010, false).notModelled(oneAccount),
	r("meetingRegistrantStatus", 400, 3000, "The meeting cannot be accessed.").diag("Check the meeting ID.", false).sbx(),
	notHost("meetingRegistrantStatus"),
	cannotHost("meetingRegistrantStatus"),
	r("meetingRegistrantStatus", 404, 1001, hostOfObjGone).diag("Run terraform plan: the meeting's host was deleted.", false).
		notModelled("the sandbox deletes a user's meetings with the user, so their IDs answer 3001"),

	// ---- zoom_webinar_registrant: POST /webinars/{webinarId}/registrants (webinarRegistrantCreate)
	r("webinarRegistrantCreate", 400, 1010, "The webinar's host belongs to another Zoom account.").diag(act1010, false).notModelled(oneAccount),
	r("webinarRegistrantCreate", 400, 3000, "The webinar does not require registration, the attendee limit is "+
		"reached, the person is already registered, or the webinar uses paid registration.").
		diag("Set settings.approval_type to 0 or 1 on the webinar before adding registrants; Zoom's message names the other causes.", true).sbx().
		tf(`does not take registrations(.|\n)*approval_type`),
	r("webinarRegistrantCreate", 400, 3027, "The registrant's e-mail is the host's.").diag("Register someone other than the host.", false).sbx(),
	r("webinarRegistrantCreate", 400, 3034, "The webinar only admits invited work addresses.").
		diag("Register the person with the work e-mail address they were invited with.", false).
		notModelled("the sandbox does not model invitation-only webinars"),
	r("webinarRegistrantCreate", 400, 3038, "The webinar (a single, non-recurring one) is over.").
		diag("Remove the registrant from the configuration; registration closed with the webinar.", false).sbx(),
	r("webinarRegistrantCreate", 404, 1001, hostOfObjGone).diag("Run terraform plan: the webinar's host was deleted.", false).
		notModelled("the sandbox deletes a user's webinars with the user, so their IDs answer 3001"),
	r("webinarRegistrantCreate", 404, 3001, "The webinar does not exist any more.").
		diag("Run terraform plan: the refresh removes the webinar; the apply creates it and its registrants again.", false).sbx(),

	// ---- GET /webinars/{webinarId}/registrants/{registrantId} (webinarRegistrantGet)
	r("webinarRegistrantGet", 400, 1010, "The webinar's host belongs to another Zoom account.").diag(act1010, false).notModelled(oneAccount),
	r("webinarRegistrantGet", 404, 1001, hostOfObjGone).handled(Gone, actGone).
		notModelled("the sandbox deletes a user's webinars with the user, so their IDs answer 3001"),
	r("webinarRegistrantGet", 404, 3001, "The webinar does not exist any more.").handled(Gone, actGone).sbx(),

	// ---- GET /webinars/{webinarId}/registrants (webinarRegistrants)
	r("webinarRegistrants", 400, 1010, "The webinar's host belongs to another Zoom account.").diag(act1010, false).notModelled(oneAccount),
	r("webinarRegistrants", 404, 1001, hostOfObjGone).handled(Gone, actGone).
		notModelled("the sandbox deletes a user's webinars with the user, so their IDs answer 3001"),
	r("webinarRegistrants", 404, 3001, "The webinar does not exist any more.").handled(Gone, actGone).sbx(),

	// ---- DELETE /webinars/{webinarId}/registrants/{registrantId} (deleteWebinarRegistrant)
	r("deleteWebinarRegistrant", 400, 200, "The account or the host has no Webinar plan any more.").
		diag("Restore the Webinar plan, or remove the registrant from the state (terraform state rm).", true).sbx(),
	r("deleteWebinarRegistrant", 400, 300, "The registrant ID is invalid (a mistyped import ID).").
		diag("Import registrants as <webinar_id>/<registrant_id> with the ID Zoom gave the registrant.", false).sbx(),
	r("deleteWebinarRegistrant", 400, 404, "Registration is no longer enabled for the webinar.").
		handled(Done, "Nothing to do: without registration the registrant is gone, so destroy succeeds.").sbx(),
	r("deleteWebinarRegistrant", 400, 3000, "The registrant was not found (already deleted).").
		handled(Done, "Nothing to do: destroy treats it as already deleted.").sbx(),
	r("deleteWebinarRegistrant", 400, 3001, "The webinar does not exist any more.").
		handled(Done, "Nothing to do: destroy treats it as already deleted.").
		notModelled("the sandbox answers a deleted webinar here with HTTP 404 code 3001, a row of its own"),

	// ---- PUT /webinars/{webinarId}/registrants/status (webinarRegistrantStatus)
	r("webinarRegistrantStatus", 400, 1010, "The webinar's host belongs to another Zoom account.").diag(act1010, false).notModelled(oneAccount),
	r("webinarRegistrantStatus", 400, 3035, "Approving the registrant would exceed the webinar's capacity.").
		diag("Raise the webinar's capacity (a larger webinar licence) or deny other registrants.", false).sbx(),
	r("webinarRegistrantStatus", 404, 1001, hostOfObjGone).diag("Run terraform plan: the webinar's host was deleted.", false).
		notModelled("the sandbox deletes a user's webinars with the user, so their IDs answer 3001"),
	r("webinarRegistrantStatus", 404, 3001, "The webinar does not exist any more.").
		diag("Run terraform plan: the refresh removes the webinar and its registrants from the state.", false).sbx(),

	// ---- zoom_mail_vacation: GET and PUT /emails/mailboxes/{email}/settings/vacation
	r("get_mail_vacation_response_setting", 400, 400, "The mailbox cannot be served: the account has no Zoom Mail, "+
		"the mailbox is not provisioned, or Mail end-to-end encryption is on.").
		diag("Check that the account has Zoom Mail, that the mailbox exists and that end-to-end encryption is off.", true).sbx(),
	r("get_mail_vacation_response_setting", 401, 401, "The app is not authorised for Zoom Mail.").
		diag("Create the Server-to-Server OAuth app as an account owner or admin and give it the Mail scopes.", true).
		notModelled("the sandbox refuses an app without the Mail scopes with code 4711 (missing scope)"),
	r("get_mail_vacation_response_setting", 503, 503, "Zoom Mail is unavailable.").
		handled(Retry, "Nothing to do: the client retries; if it persists, run apply again later.").sbx(),
	r("update_mailbox_vacation_response_setting", 400, 400, "A value is refused (start_time after end_time, an "+
		"empty responder), or the mailbox cannot be served.").
		diag("The provider reads the mailbox to tell the two apart and names the cause; fix the value or the mailbox.", true).sbx().
		tf(`Check each prerequisite of the Zoom Mail API`),
	r("update_mailbox_vacation_response_setting", 400, 400, "start_time or end_time was removed from the "+
		"configuration, and Zoom Mail both keeps a time a request leaves out and refuses an empty value to clear it "+
		"(some accounts).").as("empty time refused").
		diag("Remove the date in Zoom Mail, or keep a date in the configuration: no API call can clear it on such an "+
			"account. Where Zoom Mail accepts an empty time or drops what a request leaves out, the provider clears "+
			"the date without error.", true).sbx().
		tf(`This account offers no API call that removes the date`),
	r("update_mailbox_vacation_response_setting", 401, 401, "The app is not authorised for Zoom Mail.").
		diag("Create the Server-to-Server OAuth app as an account owner or admin and give it the Mail scopes.", true).
		notModelled("the sandbox refuses an app without the Mail scopes with code 4711 (missing scope)"),
	r("update_mailbox_vacation_response_setting", 503, 503, "Zoom Mail is unavailable.").
		handled(Retry, "Nothing to do: the client retries a PUT, which is idempotent; if it persists, run apply again later.").sbx(),
	// ---- Answers the sandbox gives (as Zoom does for neighbouring operations) that these operations do not
	// document. The provider can meet them, so they are listed too.
	r("meetingCreate", 400, 1000, "The host is a pending user (invited, not yet accepted).").
		diag("Wait until the host accepts the invitation, or choose an active host.", false).sbx().extra(),
	r("webinarCreate", 400, 1000, "The host is a pending user (invited, not yet accepted).").
		diag("Wait until the host accepts the invitation, or choose an active host.", false).sbx().extra(),
	r("webinarCreate", 400, 3161, when3161).diag(act3161, true).sbx().extra(),
	r("webinar", 400, 200, "The account or the host has no Webinar plan any more.").
		diag("Restore the Webinar plan and the host's webinar licence.", true).sbx().extra(),
	r("webinarDelete", 400, 200, "The account or the host has no Webinar plan any more.").
		diag("Restore the Webinar plan, or remove the webinar from the state (terraform state rm).", true).sbx().extra(),
	r("webinars", 400, 200, "The account or the user has no Webinar plan.").
		diag("Add the Webinar plan and assign the user a webinar licence.", false).sbx().extra(),
	r("meetingRegistrantCreate", 404, 404, "Registration is not enabled for the meeting.").
		diag("Set settings.approval_type to 0 or 1 on the meeting before adding registrants.", true).sbx().extra().
		tf(`does not take registrations(.|\n)*approval_type`),
	r("meetingRegistrantCreate", 404, 3001, "The meeting does not exist any more.").
		diag("Run terraform plan: the refresh removes the meeting; the apply creates it and its registrants again.", false).sbx().extra(),
	r("meetingRegistrantGet", 400, 300, "Registration is no longer enabled for the meeting.").handled(Gone, actGone).sbx().extra(),
	r("meetingRegistrantGet", 404, 3001, "The meeting does not exist any more.").handled(Gone, actGone).sbx().extra(),
	r("meetingRegistrants", 400, 300, "Registration is no longer enabled for the meeting.").handled(Gone, actGone).sbx().extra(),
	r("meetingRegistrantStatus", 400, 300, "Registration is no longer enabled for the meeting.").
		diag("Set settings.approval_type to 0 or 1 on the meeting.", false).sbx().extra(),
	r("meetingregistrantdelete", 404, 3001, "The meeting does not exist any more.").
		handled(Done, "Nothing to do: destroy treats it as already deleted.").sbx().extra(),
	r("deleteWebinarRegistrant", 404, 3001, "The webinar does not exist any more.").
		handled(Done, "Nothing to do: destroy treats it as already deleted.").sbx().extra(),
	// ---- zoom_group, zoom_group_member(s), zoom_group_admin and the group data sources (docs/development/zoom-api.md#groups)
	paidOnly("groups"), paid200("groups"),
	r("groups", 404, 4130, "A group does not exist.").unreachable("the list of groups names no group"),
	paidOnly("groupCreate"),
	r("groupCreate", 400, 300, "The name is refused (empty, or 128 characters or more), or the account already has "+
		"5,000 groups.").
		diag("Use a name of 1 to 127 characters (the provider checks this at plan time), or delete groups you no "+
			"longer need.", false).sbx(),
	r("groupCreate", 409, 4132, "Another group of the account has the name (in any letter case).").
		diag("Choose another name, or import the existing group (terraform import <address> <name>).", true).sbx().
		tf(`already named(.|\n)*terraform import`),
	paidOnly("group"), paid200("group"),
	r("group", 400, 1010, "The group belongs to another Zoom account.").
		diag("Use a group of the account of your Server-to-Server OAuth app.", false).notModelled(oneAccount),
	r("group", 404, 4130, "The group does not exist (deleted outside Terraform).").handled(Gone, actGone).sbx(),
	paidOnly("groupUpdate"),
	r("groupUpdate", 404, 4130, "The group was deleted since the last refresh.").
		diag("Run plan again: the provider then plans to create the group.", true).sbx(),
	r("groupUpdate", 409, 4132, "Another group of the account has the new name (in any letter case).").
		diag("Choose another name, or import the group that has it.", true).sbx(),
	paidOnly("groupDelete"),
	r("groupDelete", 400, 300, "The group still has members (what Zoom does then is not documented; the Meetings "+
		"document lists code 300 for this operation, and the sandbox refuses by default).").
		diag("Remove or move the members the provider's error names, then destroy again.", true).sbx().extra().
		tf(`does not delete group(.|\n)*while it has members`),
	r("groupDelete", 404, 4130, "The group no longer exists.").handled(Gone, actGone).sbx(),
	paidOnly("groupMembers"),
	r("groupMembers", 400, 300, "The next_page_token is invalid or expired (a listing took more than 15 minutes).").
		diag("Run the operation again.", false).sbx(),
	r("groupMembers", 404, 4130, "The group does not exist (deleted outside Terraform).").
		handled(Gone, "Nothing to do: zoom_group_members leaves the state and is created again with its group; the "+
			"zoom_group_members data source fails naming the group ID.").sbx(),
	paidOnly("groupMembersCreate"),
	r("groupMembersCreate", 404, 1001, "A member is not a user of the account (what Zoom does then is not "+
		"documented; the sandbox refuses by default, or skips the user, which the provider reports the same way).").
		diag("Check the user IDs and e-mails of the members.", true).sbx().extra().tf(`Not a user of the account`),
	r("groupMembersCreate", 404, 4130, "The group does not exist.").
		diag("Check group_id; a group deleted outside Terraform is created again by its zoom_group on the next apply.", true).sbx(),
	paidOnly("groupMembersDelete"),
	r("groupMembersDelete", 400, 1010, "The group belongs to another Zoom account.").
		diag("Use a group of the account of your Server-to-Server OAuth app.", false).notModelled(oneAccount),
	r("groupMembersDelete", 404, 4130, "The group no longer exists.").handled(Done, "Nothing to do: the member is gone with its group.").sbx(),
	r("groupMembersDelete", 404, 4131, "The user is no longer a member of the group.").
		handled(Done, "Nothing to do: the member was already removed.").sbx(),
	paidOnly("updateAGroupMember"),
	r("updateAGroupMember", 400, 300, "target_group_id is missing, or action is not move or set_primary.").
		diag("Nothing to do in the configuration: the provider always sends action = set_primary and the group.", false).sbx(),
	r("updateAGroupMember", 400, 1010, "The group belongs to another Zoom account.").
		diag("Use a group of the account of your Server-to-Server OAuth app.", false).notModelled(oneAccount),
	r("updateAGroupMember", 404, 4130, "The group was deleted since the last refresh.").
		diag("Run plan again: the provider then plans to create the group and the membership.", true).sbx(),
	r("updateAGroupMember", 404, 4131, "The user left the group since the last refresh.").
		diag("Run plan again: the provider then plans to add the member.", true).sbx(),
	paidOnly("groupAdmins"),
	r("groupAdmins", 400, 300, "The next_page_token is invalid or expired (a listing took more than 15 minutes).").
		diag("Run the operation again.", false).sbx(),
	r("groupAdmins", 404, 4130, "The group does not exist (deleted outside Terraform).").
		handled(Gone, "Nothing to do: the administrator leaves the state and is added again with its group.").sbx(),
	paidOnly("groupAdminsCreate"),
	r("groupAdminsCreate", 400, 300, "An entry names no user (neither id nor email), or more than 10 are sent.").
		diag("Nothing to do in the configuration: the provider sends one administrator a request and refuses an "+
			"empty user_id at plan time.", false).sbx(),
	r("groupAdminsCreate", 404, 1001, "The user is not a user of the account (not documented for this operation; "+
		"the sandbox refuses by default).").
		diag("Check user_id: the ID or e-mail of an existing user.", true).sbx().extra().tf(`Not a user of the account`),
	r("groupAdminsCreate", 404, 4130, "The group does not exist.").
		diag("Check group_id; a group deleted outside Terraform is created again by its zoom_group on the next apply.", true).sbx(),
	paidOnly("groupAdminsDelete"),
	r("groupAdminsDelete", 400, 4138, "The user is no longer an administrator of the group.").
		handled(Done, "Nothing to do: the administrator was already removed.").sbx(),
	r("groupAdminsDelete", 404, 4130, "The group no longer exists.").handled(Done, "Nothing to do: the administrator is gone with its group.").sbx(),
}

// paidOnly: every Groups operation needs a Pro or higher plan.
func paidOnly(op string) Row {
	return r(op, 400, 200, "The account is on Zoom's free plan; groups need a Pro or higher plan.").
		diag("Upgrade the account to Pro or higher to manage groups.", false).sbx()
}

// paid200: the spec repeats the paid-plan answer under HTTP 200, which is a success, not an error.
func paid200(op string) Row {
	return r(op, 200, 200, "The account is on Zoom's free plan (the spec lists this under HTTP 200).").
		unreachable("an HTTP 200 answer is a success; Zoom refuses a free account with HTTP 400 code 200 (the row above)")
}

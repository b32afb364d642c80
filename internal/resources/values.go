package resources

import (
	"regexp"

	"github.com/hashicorp/terraform-plugin-framework/resource/schema/boolplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
)

var boolKeep = []planmodifier.Bool{boolplanmodifier.UseStateForUnknown()}

var phoneCodePattern = regexp.MustCompile(`^\+[0-9]{1,4}$`)

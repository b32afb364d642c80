// Package e2e drives the real Terraform CLI and the provider binary, as users run them, against an in-process
// Zoom sandbox: the GitOps pipeline script of examples/gitops, and adoption of an existing account (import
// blocks and terraform plan -generate-config-out).
//
// The tests build the provider once, point Terraform at it through a dev_overrides CLI configuration (so nothing
// is downloaded and terraform init is not needed), and skip themselves unless TF_ACC is set, like acceptance
// tests. TF_ACC_TERRAFORM_PATH selects the terraform binary (default: terraform on PATH).
package e2e

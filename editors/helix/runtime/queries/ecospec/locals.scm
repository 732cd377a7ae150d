; Scopes: the file (one namespace for the whole ecosystem, which a query
; over one file cannot see beyond), and each intervention, whose own
; declarations exist only inside it.
(source_file) @local.scope
(intervention_block) @local.scope

; Definitions
(capability_declaration name: (identifier) @local.definition)
(scenario_declaration name: (identifier) @local.definition)
(cluster_declaration name: (identifier) @local.definition)
(actor_declaration name: (identifier) @local.definition)
(bridge_declaration name: (identifier) @local.definition)
(intervention_declaration name: (identifier) @local.definition)

; References: names in field values (not the enum words of cohesion,
; strength, form and unity), bridge ends, the scenario of an `on` rule and
; the name an `extend` adds to
(field
  name: (identifier)
  value: (name_list (identifier) @local.reference))
(bridge_declaration end: (identifier) @local.reference)
(on_declaration scenario: (identifier) @local.reference)
(extend name: (identifier) @local.reference)

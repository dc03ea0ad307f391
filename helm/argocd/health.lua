-- Argo CD custom health check for envprofile.dev/EnvironmentProfile.
-- Install: resource.customizations.health.envprofile.dev_EnvironmentProfile in argocd-cm (see docs/gitops.md).
local hs = {}
local function condition(obj, type)
  if obj.status == nil or obj.status.conditions == nil then
    return nil
  end
  for _, c in ipairs(obj.status.conditions) do
    if c.type == type then
      return c
    end
  end
  return nil
end

if obj.status == nil or obj.status.phase == nil then
  hs.status = "Progressing"
  hs.message = "waiting for the operator to observe the profile"
  return hs
end

local generation = obj.metadata.generation or 0
if obj.status.observedGeneration ~= nil and obj.status.observedGeneration < generation then
  hs.status = "Progressing"
  hs.message = "the operator has not observed generation " .. generation .. " yet"
  return hs
end

local phase = obj.status.phase
local ready = condition(obj, "Ready")
local parity = obj.status.parityDisplay or ((obj.status.parity or 0) .. "%")

if phase == "Invalid" or phase == "Degraded" then
  hs.status = "Degraded"
  hs.message = phase .. ": " .. ((ready and ready.message) or "see the profile's conditions")
  return hs
end
if phase == "Pending" or phase == "Promoting" then
  hs.status = "Progressing"
  hs.message = phase .. " (parity " .. parity .. ")" .. ((ready and ready.message and (": " .. ready.message)) or "")
  return hs
end
if ready ~= nil and ready.status == "True" then
  hs.status = "Healthy"
  hs.message = phase .. ", parity " .. parity
  return hs
end
hs.status = "Progressing"
hs.message = phase .. ", parity " .. parity
return hs

<#-- Lays out param declarations from the one parameter table (render/BicepParameters, given as item.parameters),
     so that main.bicep and the modules declare each value alike. Imported, never rendered on its own. -->
<#macro param name>

<#local p = item.parameters[name]>
@description(${p.description})
<#if p.allowed?has_content>
@allowed([
<#list p.allowed as value>
  ${value}
</#list>
])
</#if>
<#list p.bounds as bound>
@${bound.decorator?no_esc}(${bound.value})
</#list>
param ${p.name?no_esc} ${p.type?no_esc}
</#macro>
<#macro params names>
<#list names as name>
<@param name/>
</#list>
</#macro>

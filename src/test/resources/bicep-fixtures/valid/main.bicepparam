using 'main.bicep'

param prefix = 'pgdemo'
param aksTier = 'Standard'

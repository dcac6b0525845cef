"""Fill an exported survey sheet as a division would, for tests/data/sheets/libreoffice_filled.xlsx (see README.md)."""

import sys

import openpyxl

source, target = sys.argv[1:3]
workbook = openpyxl.load_workbook(source)
for row in workbook["子育て支援課"].iter_rows(min_row=2):
    if row[0].value == "kpi-nursery-waiting":
        row[9].value, row[10].value, row[11].value = 6, "B", "LibreOffice で記入しました。"
    if row[0].value == "project-parent-cafe":
        row[10].value = "未達成"
workbook.save(target)

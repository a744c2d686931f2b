"""Writes python-docx-article.docx with python-docx (Debian python3-docx 0.8.11; PyPI was not reachable here): an English
article with Latin section headings, a list before the first heading, a table, and a French abstract at the end."""
import docx

document = docx.Document()
document.add_paragraph("Water and Power in the Nile Basin", style="Title")
document.add_paragraph("First point made before any heading.", style="List Bullet")
document.add_paragraph("Second point made before any heading.", style="List Bullet")
document.add_heading("Introduction", level=1)
document.add_paragraph("The Nile basin has been disputed for a century. This study reads the negotiations over the dam.")
document.add_heading("Methods", level=1)
paragraph = document.add_paragraph("We read the treaties of ")
paragraph.add_run("1929").bold = True
paragraph.add_run(" and ")
paragraph.add_run("1959").italic = True
paragraph.add_run(" against the minutes of the talks.")
table = document.add_table(rows=2, cols=2)
table.cell(0, 0).text = "Treaty"
table.cell(0, 1).text = "Year"
table.cell(1, 0).text = "Nile Waters Agreement"
table.cell(1, 1).text = "1959"
document.add_heading("Results", level=1)
document.add_paragraph("Neither treaty settled the share of the upstream states, which signed none of them.")
document.add_heading("Discussion", level=1)
document.add_paragraph("A settlement needs all riparian states at the table, and a shared account of the water.")
document.add_heading("References", level=1)
document.add_paragraph("Waterbury, J. (2002). The Nile Basin: National Determinants of Collective Action. Yale.")
document.add_paragraph("Tvedt, T. (2004). The River Nile in the Age of the British. Tauris.")
document.add_heading("Résumé", level=1)
document.add_paragraph("Cette étude examine les négociations sur le barrage du Nil et montre que les traités de 1929 et de 1959 n'ont pas réglé la part des États en amont, qui n'en ont signé aucun.")
document.save("python-docx-article.docx")
